using Kalmar.Contracts.Model;

namespace Kalmar.Contracts.Abstractions;

/// <summary>An order (keyed by order id): pending until decided, decided exactly once.</summary>
[Alias("Kalmar.IOrderGrain")]
public interface IOrderGrain : IGrainWithGuidKey
{
    /// <summary>Creates the order and queues it for approval; submitting again only re-queues it if needed.</summary>
    [Alias("Submit")]
    Task<OrderView> SubmitAsync(OrderSubmission submission);

    [Alias("Get")]
    Task<OrderView?> GetAsync();

    /// <summary>Approves or rejects; a second decision is rejected as <c>already-decided</c>, naming the first.</summary>
    [Alias("Decide")]
    Task<Outcome<OrderView>> DecideAsync(OrderDecision decision);

    /// <summary>Withdraws a pending order (it leaves the queue, the traveller is told why); <c>already-decided</c> otherwise.</summary>
    [Alias("Withdraw")]
    Task<Outcome<OrderView>> WithdrawAsync(Actor by, string reason);

    /// <summary>Moves a pending order to another department's queue (its traveller moved); a decided order stays.</summary>
    [Alias("Move")]
    Task MoveAsync(Guid departmentId, string departmentName);
}
