using Kalmar.Contracts.Model;

namespace Kalmar.Web.Payloads;

/// <summary>The hub event <c>orderStatusChanged</c>.</summary>
public sealed record OrderStatusChangedPayload(Guid OrderId, string Status, string? Reason, string? DecidedBy, DateTimeOffset? DecidedAt)
{
    public static OrderStatusChangedPayload Of(OrderView order) =>
        new(order.Id, OrderPayload.StatusName(order.Status), order.Reason, order.DecidedBy, order.DecidedAt);
}
