namespace Kalmar.Contracts.Model;

[GenerateSerializer, Alias("Kalmar.OrderStatus")]
public enum OrderStatus
{
    Pending,
    Approved,
    Rejected,

    /// <summary>Taken back before a decision: by the traveller, or because the traveller was deactivated.</summary>
    Withdrawn,
}
