namespace Kalmar.Contracts.Fares;

/// <summary>A ticket type; from <see cref="MaxZones"/> zones on it is valid in the whole county.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.FareProduct")]
public sealed record FareProduct(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] int ValidityMinutes,
    [property: Id(3)] int MaxZones);
