namespace Kalmar.Web.Hubs;

/// <summary>The names of the hub's events as clients see them (api.md).</summary>
public static class LiveEvents
{
    public const string OrderStatusChanged = "orderStatusChanged";
    public const string TicketIssued = "ticketIssued";
    public const string CreditChanged = "creditChanged";
    public const string ApprovalQueueChanged = "approvalQueueChanged";
}
