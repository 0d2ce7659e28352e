using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;

namespace Kalmar.Web.Features.Tickets;

/// <summary>A traveller's active tickets and their signed QR codes.</summary>
public sealed class TicketsService(IClusterClient cluster, TicketCodes codes)
{
    /// <summary>How many tickets of each group Startsida and the app show before "Visa alla".</summary>
    public const int FirstOfGroup = 3;

    /// <summary>A page (from 1) of the tickets not yet expired, soonest ending first.</summary>
    public Task<IReadOnlyList<Ticket>> ActiveAsync(Guid userId, int page = 1, int pageSize = IUserGrain.MaxTicketPageSize) =>
        cluster.GetGrain<IUserGrain>(userId).GetActiveTicketsAsync(page, pageSize);

    /// <summary>A page (from 1) of one group of the traveller's tickets, only those on <paramref name="carrier"/> when given.</summary>
    public Task<TicketPage> GroupAsync(Guid userId, TicketGroup group, CarrierType? carrier, int page, int pageSize) =>
        cluster.GetGrain<IUserGrain>(userId).GetTicketGroupAsync(group, carrier, page, pageSize);

    /// <summary>Aktiva, Kommande and Spärrade with their counts and first <paramref name="take"/> tickets each.</summary>
    public Task<IReadOnlyList<TicketPage>> GroupsAsync(Guid userId, CarrierType? carrier = null, int take = FirstOfGroup) =>
        cluster.GetGrain<IUserGrain>(userId).GetTicketGroupsAsync(carrier, take);

    /// <summary>The signed QR payload of one of the holder's active tickets, or null for any other ticket.</summary>
    public async Task<string?> SignedCodeAsync(Guid userId, Guid ticketId) =>
        await cluster.GetGrain<IUserGrain>(userId).FindActiveTicketAsync(ticketId) is { } ticket ? await codes.SignAsync(ticket) : null;
}
