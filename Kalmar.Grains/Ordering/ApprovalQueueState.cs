using Kalmar.Contracts.Model;

namespace Kalmar.Grains.Ordering;

[GenerateSerializer, Alias("Kalmar.ApprovalQueueState")]
public sealed class ApprovalQueueState
{
    /// <summary>Pending orders in the order they arrived.</summary>
    [Id(0)] public List<OrderView> Pending { get; set; } = [];
}
