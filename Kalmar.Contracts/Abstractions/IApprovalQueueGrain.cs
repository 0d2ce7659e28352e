using Kalmar.Contracts.Model;

namespace Kalmar.Contracts.Abstractions;

/// <summary>A company's pending orders (keyed by company id), oldest first; changes are pushed to the admins in scope.</summary>
[Alias("Kalmar.IApprovalQueueGrain")]
public interface IApprovalQueueGrain : IGrainWithGuidKey
{
    [Alias("Enqueue")]
    Task EnqueueAsync(OrderView order);

    [Alias("Remove")]
    Task RemoveAsync(Guid orderId);

    /// <summary>Replaces a pending order whose department changed: it leaves the old department's admins and reaches the new one's.</summary>
    [Alias("Move")]
    Task MoveAsync(OrderView order);

    [Alias("GetPending")]
    Task<IReadOnlyList<OrderView>> GetPendingAsync();
}
