using Kalmar.Contracts.Domain;

namespace Kalmar.Contracts.Model;

/// <summary>
/// One ticket in a cart or an order: the journey it was chosen for, what it is, where it goes, its price and the
/// start the traveller chose (<see cref="Start"/>; null: as soon as possible, i.e. from the approval).
/// </summary>
[GenerateSerializer, Immutable, Alias("Kalmar.TicketLine")]
public sealed record TicketLine(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string JourneyId,
    [property: Id(2)] string FromName,
    [property: Id(3)] string ToName,
    [property: Id(4)] DateTimeOffset Departure,
    [property: Id(5)] IReadOnlyList<string> Zones,
    [property: Id(6)] string ProductId,
    [property: Id(7)] string ProductName,
    [property: Id(8)] string CategoryId,
    [property: Id(9)] string CategoryName,
    [property: Id(10)] Carrier Carrier,
    [property: Id(11)] PriceBreakdown Price,
    [property: Id(12)] TicketStart? Start = null);
