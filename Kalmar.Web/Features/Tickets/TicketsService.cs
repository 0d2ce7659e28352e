using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;

namespace Kalmar.Web.Features.Tickets;

/// <summary>A traveller's active tickets and their signed QR codes.</summary>
public sealed class TicketsService(IClusterClient cluster, TicketCodes codes)
{
    /// <summary>Tickets not yet expired, soonest ending first.</summary>
    public Task<IReadOnlyList<Ticket>> ActiveAsync(Guid userId) => cluster.GetGrain<IUserGrain>(userId).GetActiveTicketsAsync();

    /// <summary>The signed QR payload of one of the holder's active tickets, or null for any other ticket.</summary>
    public async Task<string?> SignedCodeAsync(Guid userId, Guid ticketId) =>
        (await ActiveAsync(userId)).FirstOrDefault(ticket => ticket.Id == ticketId) is { } ticket ? codes.PayloadFor(userId, ticket) : null;
}
