namespace Kalmar.Contracts.Model;

/// <summary>A Swedish postal address, as an invoice is sent to.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.PostalAddress")]
public sealed record PostalAddress(
    [property: Id(0)] string Street,
    [property: Id(1)] string PostalCode,
    [property: Id(2)] string City)
{
    public static readonly PostalAddress None = new("", "", "");
}
