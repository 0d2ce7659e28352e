using Kalmar.Contracts.Model;

namespace Kalmar.Web.Payloads;

/// <summary>
/// A group of the traveller's tickets (<c>active</c>, <c>upcoming</c>, <c>blocked</c>) with its count: a page of it from
/// <c>GET /api/me/tickets?group=</c>, the first few from <c>GET /api/me/tickets/groups</c>.
/// </summary>
public sealed record TicketGroupPayload(string Group, IReadOnlyList<TicketPayload> Items, int Total, int Page, int PageSize)
{
    public static TicketGroupPayload Of(TicketPage page, int number, int pageSize) =>
        new(page.Group.ToName(), [.. page.Items.Select(TicketPayload.Of)], page.Total, number, pageSize);
}
