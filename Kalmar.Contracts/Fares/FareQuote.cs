using Kalmar.Contracts.Domain;

namespace Kalmar.Contracts.Fares;

/// <summary>
/// The price of a product for a category over <see cref="Zones"/> zones, charged as
/// <see cref="PricedZones"/> (the zone count capped at the product's maximum).
/// </summary>
[GenerateSerializer, Immutable, Alias("Kalmar.FareQuote")]
public sealed record FareQuote(
    [property: Id(0)] FareProduct Product,
    [property: Id(1)] FareCategory Category,
    [property: Id(2)] int Zones,
    [property: Id(3)] int PricedZones,
    [property: Id(4)] PriceBreakdown Price)
{
    /// <summary>True when the ticket is valid in every zone of the county (the product's maximum was reached).</summary>
    public bool WholeCounty => Zones >= Product.MaxZones;
}
