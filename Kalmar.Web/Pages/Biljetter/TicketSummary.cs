using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Web.Features.Ordering;

namespace Kalmar.Web.Pages.Biljetter;

/// <summary>
/// Tickets with their traveller and totals, as the cart and the order confirmation show them: each line's price
/// excluding VAT, then "Summa exkl. moms", "Moms" and <see cref="TotalLabel"/> (the manual's "Att betala" in the cart,
/// "Totalbelopp" on the confirmation). <see cref="RemoveRoute"/> is set in the cart, where each ticket gets a
/// "Ta bort" button.
/// </summary>
public sealed record TicketSummary(
    IReadOnlyList<TicketLine> Lines, PriceBreakdown Total, string TravellerName, string DepartmentName, string? Mobile, string TotalLabel)
{
    public IDictionary<string, string>? RemoveRoute { get; init; }

    public static TicketSummary Of(OrderView order) => new(
        order.Submission.Lines, order.Total, order.Submission.TravellerName, order.Submission.DepartmentName,
        order.Submission.TravellerMobile, "Totalbelopp");

    public static TicketSummary Of(CartView cart, TravellerContext traveller) => new(
        cart.Items, cart.Total, traveller.User.FullName, traveller.Department?.Name ?? "", traveller.User.Mobile, "Att betala");
}
