using Kalmar.Contracts.Model;

namespace Kalmar.Web.Payloads;

/// <summary>A ticket as <c>GET /api/me/tickets</c> and the <c>ticketIssued</c> and <c>ticketChanged</c> events send it.</summary>
public sealed record TicketPayload(
    Guid Id,
    string Product,
    string Category,
    IReadOnlyList<string> Zones,
    CarrierPayload Carrier,
    long PriceOre,
    DateTimeOffset RegisteredAt,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidTo,
    string Source,
    string? Purpose,
    string Status)
{
    public static TicketPayload Of(Ticket ticket) => new(
        ticket.Id, ticket.ProductName, ticket.CategoryName, ticket.Zones, CarrierPayload.Of(ticket.Carrier), ticket.PriceOre,
        ticket.RegisteredAt, ticket.ValidFrom, ticket.ValidTo, ticket.Source, ticket.Purpose, ticket.Status.ToName());
}
