namespace Kalmar.Contracts.Fares;

/// <summary>A traveller category such as Vuxen or Ungdom.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.FareCategory")]
public sealed record FareCategory(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Description);
