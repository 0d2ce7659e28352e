using Kalmar.Contracts.Model;

namespace Kalmar.Grains.Ordering;

/// <summary>
/// How an approval queue was stored before its orders got a table (<see cref="PendingOrders"/>): read only to move them
/// there when such a queue activates. It can go once every deployment's queues have moved.
/// </summary>
[GenerateSerializer, Alias("Kalmar.ApprovalQueueState")]
public sealed class ApprovalQueueState
{
    /// <summary>Pending orders in the order they arrived.</summary>
    [Id(0)] public List<OrderView> Pending { get; set; } = [];
}
