using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Hosting;
using Kalmar.Contracts.Live;
using Kalmar.Web.Auth;
using Kalmar.Web.Hubs;
using Kalmar.Web.Payloads;
using Microsoft.AspNetCore.SignalR;

namespace Kalmar.Web.Realtime;

/// <summary>Receives live events from the cluster and hands them, as the hub's typed events, to this node's connections.</summary>
public sealed class LiveHubObserver(
    IHubContext<LiveHub, ILiveClient> hub, UserConnections connections, SessionChecks sessions, SessionEndNotice sessionEnds, KalmarMetrics metrics)
    : ILiveObserver
{
    private readonly RecentEventIds _delivered = new(capacity: 4096);

    public Task DeliverAsync(LiveEvent liveEvent) => HandOnAsync(liveEvent);

    public async Task OnLiveEventsAsync(IReadOnlyList<LiveEvent> liveEvents)
    {
        foreach (var liveEvent in liveEvents)
        {
            await HandOnAsync(liveEvent);
        }
    }

    private async Task HandOnAsync(LiveEvent liveEvent)
    {
        // An event for several recipients comes through each of their routes; the first copy reaches them all.
        if (liveEvent.UserIds.Count + liveEvent.Groups.Count > 1 && !_delivered.TryAdd(liveEvent.Id))
        {
            return;
        }

        if (liveEvent.Update is SessionsEnded ended)
        {
            // Forgotten first, so no request is answered on this node's memory of them, then their connections closed.
            sessions.Ended(liveEvent.UserIds, ended.SessionIds);
            await sessionEnds.CloseAsync(connections.Take(liveEvent.UserIds, ended.SessionIds), ended.Reason);
            return;
        }

        // By connection id from this node's own index: SignalR finds a user's connections by looking at every one.
        if (connections.Of(liveEvent.UserIds, sessionIds: null) is { Count: > 0 } recipients)
        {
            await SendAsync(hub.Clients.Clients([.. recipients.Select(connection => connection.ConnectionId)]), liveEvent.Update);
        }

        if (liveEvent.Groups.Count > 0)
        {
            await SendAsync(hub.Clients.Groups(liveEvent.Groups), liveEvent.Update);
        }

        metrics.Pushed(liveEvent.Update.GetType().Name, DateTimeOffset.UtcNow - liveEvent.WrittenAt);
    }

    private static Task SendAsync(ILiveClient clients, LiveUpdate update) => update switch
    {
        OrderStatusChanged changed => clients.OrderStatusChanged(OrderStatusChangedPayload.Of(changed.Order)),
        TicketIssued issued => clients.TicketIssued(TicketPayload.Of(issued.Ticket)),
        TicketChanged changed => clients.TicketChanged(TicketPayload.Of(changed.Ticket)),
        CreditChanged changed => clients.CreditChanged(CreditPayload.Of(changed.Credit)),
        ApprovalQueueChanged changed => clients.ApprovalQueueChanged(
            new ApprovalQueueChangedPayload([.. changed.Added.Select(OrderPayload.Of)], changed.Removed)),
        InvoiceChanged changed => clients.InvoiceChanged(InvoiceChangedPayload.Of(changed)),
        _ => throw new ArgumentOutOfRangeException(nameof(update), update, "A live update without a hub event."),
    };
}
