namespace Kalmar.Web.Payloads;

/// <summary>The hub event <c>approvalQueueChanged</c>: orders that joined and left a queue.</summary>
public sealed record ApprovalQueueChangedPayload(IReadOnlyList<OrderPayload> Added, IReadOnlyList<Guid> Removed);
