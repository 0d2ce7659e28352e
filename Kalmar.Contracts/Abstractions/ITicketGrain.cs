using Kalmar.Contracts.Model;

namespace Kalmar.Contracts.Abstractions;

/// <summary>
/// One issued ticket's life after issue (keyed by ticket id): an admin blocks it (spärrar) or recalls it (återkallar).
/// One activation decides one ticket's changes one at a time, so a block and a recall, or two recalls, never cross.
/// </summary>
[Alias("Kalmar.ITicketGrain")]
public interface ITicketGrain : IGrainWithGuidKey
{
    public const int MaxReasonLength = 500;

    /// <summary>The ticket and its holder, or null when no ticket has this id.</summary>
    [Alias("Get")]
    Task<HeldTicket?> GetAsync();

    /// <summary>
    /// Blocks the ticket with <paramref name="reason"/>: audited and pushed to the traveller. Blocking a blocked ticket
    /// answers it unchanged; <c>ticket-recalled</c> or <c>ticket-expired</c> when there is nothing left to block.
    /// </summary>
    [Alias("Block")]
    Task<Outcome<Ticket>> BlockAsync(string? reason, Actor actor);

    /// <summary>
    /// Recalls a ticket whose validity has not started and credits the company once, however often it is called;
    /// <c>ticket-in-use</c> once it has started. Recalling a recalled ticket answers the first recall's credit.
    /// </summary>
    [Alias("Recall")]
    Task<Outcome<RecalledTicket>> RecallAsync(Actor actor);
}
