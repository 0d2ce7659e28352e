namespace Kalmar.Contracts.Transit;

/// <summary>A fare zone and the names of the stops in it, which is how a traveller recognises it.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.TransitZone")]
public sealed record TransitZone(
    [property: Id(0)] string Id,
    [property: Id(1)] IReadOnlyList<string> StopNames);
