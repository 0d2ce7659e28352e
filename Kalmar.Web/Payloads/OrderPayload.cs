using Kalmar.Contracts.Model;

namespace Kalmar.Web.Payloads;

/// <summary>
/// An order as <c>GET /api/orders/{id}</c> and the approval queue's events send it; <see cref="Notices"/> as in
/// <see cref="OrderStatusChangedPayload"/>.
/// </summary>
public sealed record OrderPayload(
    Guid Id,
    string Status,
    IReadOnlyList<TicketLinePayload> Lines,
    long SubtotalOre,
    long VatOre,
    long TotalOre,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? DecidedAt,
    string? DecidedBy,
    string? Reason,
    PersonPayload Traveller,
    DepartmentPayload Department,
    IReadOnlyList<string> Notices)
{
    public static OrderPayload Of(OrderView order)
    {
        var total = order.Total;
        var submission = order.Submission;
        return new(
            order.Id, StatusName(order.Status), [.. submission.Lines.Select(TicketLinePayload.Of)],
            total.ExclVatOre, total.VatOre, total.TotalOre, submission.SubmittedAt, order.DecidedAt, order.DecidedBy,
            order.Reason, new PersonPayload(submission.TravellerId, submission.TravellerName, submission.TravellerMobile),
            new DepartmentPayload(submission.DepartmentId, submission.DepartmentName), order.StartNotices());
    }

    public static string StatusName(OrderStatus status) => status switch
    {
        OrderStatus.Pending => "pending",
        OrderStatus.Approved => "approved",
        OrderStatus.Rejected => "rejected",
        OrderStatus.Withdrawn => "withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
