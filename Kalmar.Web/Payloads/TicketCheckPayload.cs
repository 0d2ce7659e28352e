using System.Text.Json.Serialization;
using Kalmar.Web.Features.Tickets;

namespace Kalmar.Web.Payloads;

/// <summary><c>POST /api/tickets/verify</c>'s answer; <see cref="Ticket"/> only for a genuine code.</summary>
public sealed record TicketCheckPayload(
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] InspectedTicketPayload? Ticket)
{
    public static TicketCheckPayload Of(TicketCheck check) =>
        new(check.Status, check.Ticket is { } ticket ? InspectedTicketPayload.Of(ticket) : null);
}
