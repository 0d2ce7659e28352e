namespace Kalmar.Grains.Payloads;

/// <summary>The hub event <c>orderStatusChanged</c>.</summary>
public sealed record OrderStatusChangedPayload(Guid OrderId, string Status, string? Reason, string? DecidedBy, DateTimeOffset? DecidedAt);
