namespace Kalmar.Grains.Contracts;

[GenerateSerializer, Alias("Kalmar.OrderStatus")]
public enum OrderStatus
{
    Pending,
    Approved,
    Rejected,
}
