using Kalmar.Contracts.Live;
using Kalmar.Web.Auth;
using Microsoft.AspNetCore.Connections.Features;

namespace Kalmar.Web.Realtime;

/// <summary>
/// What this node does when a renewal finds that a live route did not know it (a new activation: the silo that held the
/// route died or stopped): the recipient's events sent since reached nobody here, and a client whose own connection
/// survived would never hear of them. So the recipient's connections on this node are closed with reconnection allowed
/// (SignalR's close message says so, as when a web node stops): each client reconnects, through the proxy to either
/// node, and re-reads its state, which every client already does after any reconnect (api.md) and which the hub's
/// <c>ready</c> makes safe. A hub event telling clients to re-read would spare the reconnect, but it would change the
/// contract, and a client that did not know it (an older app) would stay stale without a sign, while a closed connection
/// cannot be ignored. The cost is a burst of reconnects after a silo is lost, for the recipients whose routes it held.
/// For <see cref="LiveAddress.WebNodes"/> the news missed is of sessions that ended: the node forgets the sessions it
/// remembered as open and asks each of its connections' sessions again.
/// </summary>
public sealed partial class LiveCatchUp(
    UserConnections connections, SessionChecks sessions, SessionExpiryWatch sessionExpiry, ILogger<LiveCatchUp> logger)
{
    public void Missed(string address)
    {
        if (address == LiveAddress.WebNodes)
        {
            sessions.ForgetAll();
            sessionExpiry.AskAgain();
            LogSessionsForgotten();
            return;
        }

        var reconnecting = connections.Receiving(address);
        foreach (var connection in reconnecting)
        {
            connection.Features.Get<IConnectionLifetimeNotificationFeature>()?.RequestClose();
        }

        LogReconnecting(address, reconnecting.Count);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live route of {Address} did not know this node; {Count} hub connection(s) told to reconnect and read again")]
    private partial void LogReconnecting(string address, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The web nodes' route did not know this node; the sessions it remembered are asked again")]
    private partial void LogSessionsForgotten();
}
