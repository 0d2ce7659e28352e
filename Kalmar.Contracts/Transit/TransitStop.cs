namespace Kalmar.Contracts.Transit;

/// <summary>A stop of the feed; <see cref="ZoneId"/> is the fare zone the stop lies in.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.TransitStop")]
public sealed record TransitStop(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string ZoneId);
