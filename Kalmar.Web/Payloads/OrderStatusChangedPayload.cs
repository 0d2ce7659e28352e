using Kalmar.Contracts.Model;

namespace Kalmar.Web.Payloads;

/// <summary>The hub event <c>orderStatusChanged</c>; <see cref="Notices"/> tell of tickets that start at the approval, their chosen start having passed.</summary>
public sealed record OrderStatusChangedPayload(
    Guid OrderId, string Status, string? Reason, string? DecidedBy, DateTimeOffset? DecidedAt, IReadOnlyList<string> Notices)
{
    public static OrderStatusChangedPayload Of(OrderView order) =>
        new(order.Id, OrderPayload.StatusName(order.Status), order.Reason, order.DecidedBy, order.DecidedAt, order.StartNotices());
}
