using Kalmar.Contracts.Model;

namespace Kalmar.Web.Features.Tickets;

/// <summary>
/// Ticket inspection online: the signature, then the ticket's status now, then its validity at this moment. A blocked
/// or recalled ticket is <c>blocked</c> (api.md has no "recalled": to an inspector both are not to be accepted). A
/// genuine signature on a ticket this system does not have is <c>forged</c>: no ticket of ours, whoever signed it.
/// </summary>
public sealed class TicketInspection(TicketCodes codes, TicketStatusReader statuses, [FromKeyedServices(TicketClock.Key)] TimeProvider clock)
{
    public async Task<TicketCheck> CheckAsync(string payload)
    {
        if (await codes.ReadAsync(payload) is not { } ticket || await statuses.StatusAsync(ticket.TicketId) is not { } status)
        {
            return new TicketCheck(TicketCheck.Forged, null);
        }

        var now = clock.GetUtcNow();
        var answer = status != TicketStatus.Active ? TicketCheck.Blocked
            : now < ticket.ValidFrom ? TicketCheck.NotYetValid
            : now >= ticket.ValidTo ? TicketCheck.Expired
            : TicketCheck.Valid;
        return new TicketCheck(answer, ticket);
    }
}
