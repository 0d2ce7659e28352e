using Kalmar.Grains.Contracts;

namespace Kalmar.Grains.Ordering;

[GenerateSerializer, Alias("Kalmar.OrderState")]
public sealed class OrderState
{
    [Id(0)] public OrderView? Order { get; set; }
}
