namespace Kalmar.Web.Hubs;

/// <summary>The names of the hub's events as clients see them (api.md).</summary>
public static class LiveEvents
{
    public const string OrderStatusChanged = "orderStatusChanged";
    public const string TicketIssued = "ticketIssued";
    public const string CreditChanged = "creditChanged";
    public const string ApprovalQueueChanged = "approvalQueueChanged";
    public const string TicketChanged = "ticketChanged";

    /// <summary>Beyond api.md (README): lines joined a department's open invoice, to the company's and the department's admins.</summary>
    public const string InvoiceChanged = "invoiceChanged";

    /// <summary>Beyond api.md: the user's sessions ended (deactivation, a role change); the server closes the connection next.</summary>
    public const string SessionEnded = "sessionEnded";
}
