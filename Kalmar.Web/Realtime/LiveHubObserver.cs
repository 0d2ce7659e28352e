using System.Text.Json;
using Kalmar.Grains.Abstractions;
using Kalmar.Grains.Contracts;
using Kalmar.Web.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace Kalmar.Web.Realtime;

/// <summary>Receives live events from the cluster and hands them to this node's hub connections.</summary>
public sealed class LiveHubObserver(IHubContext<LiveHub> hub) : ILiveObserver
{
    public async Task OnLiveEventAsync(LiveEvent liveEvent)
    {
        using var payload = JsonDocument.Parse(liveEvent.PayloadJson);
        var message = payload.RootElement;
        if (liveEvent.UserIds.Count > 0)
        {
            await hub.Clients.Users(liveEvent.UserIds).SendAsync(liveEvent.Name, message);
        }

        if (liveEvent.Groups.Count > 0)
        {
            await hub.Clients.Groups(liveEvent.Groups).SendAsync(liveEvent.Name, message);
        }
    }
}
