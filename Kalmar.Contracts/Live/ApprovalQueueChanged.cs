using Kalmar.Contracts.Model;

namespace Kalmar.Contracts.Live;

/// <summary>Orders that joined and left an approval queue.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.ApprovalQueueChanged")]
public sealed record ApprovalQueueChanged(
    [property: Id(0)] IReadOnlyList<OrderView> Added,
    [property: Id(1)] IReadOnlyList<Guid> Removed) : LiveUpdate;
