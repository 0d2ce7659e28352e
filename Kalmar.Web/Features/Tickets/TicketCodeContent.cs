using Kalmar.Contracts.Model;

namespace Kalmar.Web.Features.Tickets;

/// <summary>
/// What a ticket's QR code tells an inspector: which ticket, when it is valid, where, for whom (category) and on what
/// carrier. Nothing about its holder: no name, no mobile number, no user id (the code is shown on the holder's own phone,
/// and a stable id of the person would let anyone who scans it follow them). Validity is in whole seconds.
/// </summary>
public sealed record TicketCodeContent(
    Guid TicketId, DateTimeOffset ValidFrom, DateTimeOffset ValidTo, CarrierType Carrier, string Product, string Category, IReadOnlyList<string> Zones)
{
    public static TicketCodeContent Of(Ticket ticket) => new(
        ticket.Id, WholeSeconds(ticket.ValidFrom), WholeSeconds(ticket.ValidTo), ticket.Carrier.Type, ticket.ProductName, ticket.CategoryName, ticket.Zones);

    private static DateTimeOffset WholeSeconds(DateTimeOffset moment) => DateTimeOffset.FromUnixTimeSeconds(moment.ToUnixTimeSeconds());
}
