using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;

namespace Kalmar.Web.Payloads;

/// <summary>
/// A cart item or order line as the API and the hub send it (JSON shapes of api.md). <see cref="StartsAt"/> is the
/// start the traveller chose, in Stockholm time (00:00 of the start day for 30- and 365-dagars); null: from the approval.
/// </summary>
public sealed record TicketLinePayload(
    Guid Id,
    string JourneyId,
    string From,
    string To,
    DateTimeOffset Departure,
    IReadOnlyList<string> Zones,
    string ProductId,
    string ProductName,
    string CategoryId,
    string CategoryName,
    CarrierPayload Carrier,
    long PriceExclVatOre,
    long VatOre,
    long TotalOre,
    DateTimeOffset? StartsAt)
{
    public static TicketLinePayload Of(TicketLine line) => new(
        line.Id, line.JourneyId, line.FromName, line.ToName, line.Departure, line.Zones, line.ProductId,
        line.ProductName, line.CategoryId, line.CategoryName, CarrierPayload.Of(line.Carrier),
        line.Price.ExclVatOre, line.Price.VatOre, line.Price.TotalOre, line.Start is { } start ? Stockholm.ToLocal(start.At) : null);
}
