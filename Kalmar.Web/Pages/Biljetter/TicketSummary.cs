using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Web.Features.Ordering;

namespace Kalmar.Web.Pages.Biljetter;

/// <summary>
/// Tickets with their traveller and totals, as the cart and the order confirmation show them: each line's price
/// excluding VAT, then "Summa exkl. moms", "Moms" and <see cref="TotalLabel"/> (the manual's "Att betala" in the cart,
/// "Totalbelopp" on the confirmation). <see cref="RemoveRoute"/> is set in the cart, where each ticket gets a
/// "Ta bort" button; <see cref="ApprovedAt"/> on an approved order, whose tickets may start at the approval.
/// </summary>
public sealed record TicketSummary(
    IReadOnlyList<TicketLine> Lines, PriceBreakdown Total, string TravellerName, string DepartmentName, string? Mobile, string TotalLabel)
{
    public IDictionary<string, string>? RemoveRoute { get; init; }

    public DateTimeOffset? ApprovedAt { get; init; }

    /// <summary>Why a line's ticket starts at the approval rather than at the chosen start, or null.</summary>
    public string? StartNotice(TicketLine line) =>
        ApprovedAt is { } approvedAt && line.Start?.HadPassed(approvedAt) == true ? TicketStart.PassedNotice(approvedAt) : null;

    public static TicketSummary Of(OrderView order) => new(
        order.Submission.Lines, order.Total, order.Submission.TravellerName, order.Submission.DepartmentName,
        order.Submission.TravellerMobile, "Totalbelopp")
    {
        ApprovedAt = order.Status == OrderStatus.Approved ? order.DecidedAt : null,
    };

    public static TicketSummary Of(CartView cart, TravellerContext traveller) => new(
        cart.Items, cart.Total, traveller.User.FullName, traveller.Department?.Name ?? "", traveller.User.Mobile, "Att betala");
}
