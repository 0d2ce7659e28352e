using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;

namespace Kalmar.Web.Features.Tickets;

/// <summary>A traveller's active tickets and their signed QR codes.</summary>
public sealed class TicketsService(IClusterClient cluster, TicketCodes codes)
{
    /// <summary>A page (from 1) of the tickets not yet expired, soonest ending first.</summary>
    public Task<IReadOnlyList<Ticket>> ActiveAsync(Guid userId, int page = 1, int pageSize = IUserGrain.MaxTicketPageSize) =>
        cluster.GetGrain<IUserGrain>(userId).GetActiveTicketsAsync(page, pageSize);

    /// <summary>The signed QR payload of one of the holder's active tickets, or null for any other ticket.</summary>
    public async Task<string?> SignedCodeAsync(Guid userId, Guid ticketId) =>
        await cluster.GetGrain<IUserGrain>(userId).FindActiveTicketAsync(ticketId) is { } ticket ? await codes.SignAsync(ticket) : null;
}
