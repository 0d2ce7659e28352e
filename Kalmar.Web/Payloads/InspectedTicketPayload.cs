using Kalmar.Contracts.Model;
using Kalmar.Web.Features.Tickets;

namespace Kalmar.Web.Payloads;

/// <summary>A genuine ticket as inspection shows it: what its code says, nothing about its holder.</summary>
public sealed record InspectedTicketPayload(
    Guid Id, string Product, string Category, IReadOnlyList<string> Zones, DateTimeOffset ValidFrom, DateTimeOffset ValidTo, string CarrierType)
{
    public static InspectedTicketPayload Of(TicketCodeContent ticket) => new(
        ticket.TicketId, ticket.Product, ticket.Category, ticket.Zones, ticket.ValidFrom, ticket.ValidTo, ticket.Carrier.ToName());
}
