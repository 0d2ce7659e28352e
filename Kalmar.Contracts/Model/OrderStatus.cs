namespace Kalmar.Contracts.Model;

[GenerateSerializer, Alias("Kalmar.OrderStatus")]
public enum OrderStatus
{
    Pending,
    Approved,
    Rejected,
}
