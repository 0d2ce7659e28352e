namespace Kalmar.Contracts.Transit;

/// <summary>
/// A way from one stop to another: one leg, or two with a change. Times are instants with the
/// feed's local offset (Europe/Stockholm), so a trip running past midnight simply ends on the next
/// day. <see cref="Id"/> finds the journey again (the silo's transit index resolves it).
/// </summary>
[GenerateSerializer, Immutable, Alias("Kalmar.Journey")]
public sealed record Journey(
    [property: Id(0)] string Id,
    [property: Id(1)] DateOnly ServiceDate,
    [property: Id(2)] IReadOnlyList<JourneyLeg> Legs,
    [property: Id(3)] IReadOnlyList<string> Zones)
{
    public TransitStop From => Legs[0].From;

    public TransitStop To => Legs[^1].To;

    public DateTimeOffset Departure => Legs[0].Departure;

    public DateTimeOffset Arrival => Legs[^1].Arrival;

    public int Changes => Legs.Count - 1;
}
