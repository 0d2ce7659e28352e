namespace Kalmar.Contracts.Transit;

/// <summary>A ride on one trip, from boarding to alighting; sequences are the feed's stop_sequence values.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.JourneyLeg")]
public sealed record JourneyLeg(
    [property: Id(0)] string RouteName,
    [property: Id(1)] string? Headsign,
    [property: Id(2)] string TripId,
    [property: Id(3)] TransitStop From,
    [property: Id(4)] TransitStop To,
    [property: Id(5)] int FromSequence,
    [property: Id(6)] int ToSequence,
    [property: Id(7)] DateTimeOffset Departure,
    [property: Id(8)] DateTimeOffset Arrival);
