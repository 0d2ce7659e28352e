using Kalmar.Web.Payloads;
using Microsoft.AspNetCore.SignalR;

namespace Kalmar.Web.Hubs;

/// <summary>The events the live hub sends, one method each, under the names of api.md.</summary>
public interface ILiveClient
{
    [HubMethodName(LiveEvents.OrderStatusChanged)]
    Task OrderStatusChanged(OrderStatusChangedPayload payload);

    [HubMethodName(LiveEvents.TicketIssued)]
    Task TicketIssued(TicketPayload payload);

    [HubMethodName(LiveEvents.TicketChanged)]
    Task TicketChanged(TicketPayload payload);

    [HubMethodName(LiveEvents.CreditChanged)]
    Task CreditChanged(CreditPayload payload);

    [HubMethodName(LiveEvents.ApprovalQueueChanged)]
    Task ApprovalQueueChanged(ApprovalQueueChangedPayload payload);

    [HubMethodName(LiveEvents.InvoiceChanged)]
    Task InvoiceChanged(InvoiceChangedPayload payload);

    [HubMethodName(LiveEvents.SessionEnded)]
    Task SessionEnded(SessionEndedPayload payload);
}
