using Kalmar.Contracts.Model;

namespace Kalmar.Grains.Ordering;

[GenerateSerializer, Alias("Kalmar.CartState")]
public sealed class CartState
{
    [Id(0)] public List<TicketLine> Items { get; set; } = [];

    /// <summary>Every checkout's idempotency key and the order it made.</summary>
    [Id(1)] public Dictionary<string, Guid> Checkouts { get; set; } = [];

    /// <summary>A checkout recorded but not yet handed to its order grain (the outbox of a crash-safe checkout).</summary>
    [Id(2)] public Dictionary<Guid, OrderSubmission> Unsubmitted { get; set; } = [];
}
