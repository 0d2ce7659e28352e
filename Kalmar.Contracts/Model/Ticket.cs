namespace Kalmar.Contracts.Model;

/// <summary>An issued ticket on a carrier, from a staff-offer order or a business trip.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.Ticket")]
public sealed record Ticket(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string ProductName,
    [property: Id(2)] string CategoryName,
    [property: Id(3)] IReadOnlyList<string> Zones,
    [property: Id(4)] Carrier Carrier,
    [property: Id(5)] long PriceOre,
    [property: Id(6)] DateTimeOffset RegisteredAt,
    [property: Id(7)] DateTimeOffset ValidFrom,
    [property: Id(8)] DateTimeOffset ValidTo,
    [property: Id(9)] string Source,
    [property: Id(10)] string? Purpose,
    [property: Id(11)] TicketStatus Status = TicketStatus.Active)
{
    public const string StaffOffer = "staff-offer";
    public const string BusinessTrip = "business-trip";
}
