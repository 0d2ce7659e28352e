using Kalmar.Web.Hubs;
using Kalmar.Web.Payloads;
using Microsoft.AspNetCore.SignalR;

namespace Kalmar.Web.Realtime;

/// <summary>Closes hub connections whose session ended, however this node learnt of the end.</summary>
public sealed class SessionEndNotice(IHubContext<LiveHub, ILiveClient> hub)
{
    /// <summary>How long a connection whose session ended may take to receive <c>sessionEnded</c> before it is closed.</summary>
    private static readonly TimeSpan ClosingGrace = TimeSpan.FromMilliseconds(500);

    /// <summary>Told first, so an open page signs out at once, then closed: a client that ignores the event is cut off anyway.</summary>
    public async Task CloseAsync(IReadOnlyList<HubCallerContext> closing, string reason)
    {
        if (closing.Count == 0)
        {
            return;
        }

        try
        {
            await hub.Clients.Clients([.. closing.Select(connection => connection.ConnectionId)]).SessionEnded(SessionEndedPayload.For(reason));
        }
        finally
        {
            _ = Task.Delay(ClosingGrace).ContinueWith(_ => closing.ToList().ForEach(connection => connection.Abort()), TaskScheduler.Default);
        }
    }
}
