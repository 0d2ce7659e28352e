using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Travellers;

namespace Kalmar.Web.Features.Tickets;

/// <summary>
/// An admin's block and recall of a traveller's ticket. The ticket's holder must be in the admin's scope (company, or
/// own departments); outside it the ticket does not exist. The rules are the ticket grain's.
/// </summary>
public sealed class TicketAdminService(IClusterClient cluster, TravellerDirectory directory)
{
    public Task<Outcome<Ticket>> BlockAsync(AdminScope scope, Guid ticketId, string? reason) =>
        InScopeAsync(scope, ticketId, ticket => ticket.BlockAsync(reason, scope.Actor));

    public Task<Outcome<RecalledTicket>> RecallAsync(AdminScope scope, Guid ticketId) =>
        InScopeAsync(scope, ticketId, ticket => ticket.RecallAsync(scope.Actor));

    private async Task<Outcome<T>> InScopeAsync<T>(AdminScope scope, Guid ticketId, Func<ITicketGrain, Task<Outcome<T>>> change)
    {
        var ticket = cluster.GetGrain<ITicketGrain>(ticketId);
        return await ticket.GetAsync() is { } held && await directory.FindAsync(scope, held.TravellerId) is not null
            ? await change(ticket)
            : Rejections.NotFound("Biljetten");
    }
}
