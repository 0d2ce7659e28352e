using Kalmar.Contracts.Model;

namespace Kalmar.Contracts.Live;

/// <summary>An order was decided (or otherwise changed status).</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.OrderStatusChanged")]
public sealed record OrderStatusChanged([property: Id(0)] OrderView Order) : LiveUpdate;
