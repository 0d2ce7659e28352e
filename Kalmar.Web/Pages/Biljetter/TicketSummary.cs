using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Web.Features.Ordering;

namespace Kalmar.Web.Pages.Biljetter;

/// <summary>
/// Tickets with their traveller and totals, as the cart and the order confirmation show them.
/// <see cref="RemoveRoute"/> is set in the cart, where each ticket gets a "Ta bort" button.
/// </summary>
public sealed record TicketSummary(
    IReadOnlyList<TicketLine> Lines, PriceBreakdown Total, string TravellerName, string DepartmentName, string? Mobile)
{
    public IDictionary<string, string>? RemoveRoute { get; init; }

    public static TicketSummary Of(OrderView order) => new(
        order.Submission.Lines, order.Total, order.Submission.TravellerName, order.Submission.DepartmentName, order.Submission.TravellerMobile);

    public static TicketSummary Of(CartView cart, TravellerContext traveller) => new(
        cart.Items, cart.Total, traveller.User.FullName, traveller.Department?.Name ?? "", traveller.User.Mobile);
}
