using Kalmar.Web.Auth;
using Kalmar.Web.Realtime;
using Kalmar.Web.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Kalmar.Web.Hubs;

/// <summary>
/// The live hub. It only delivers: events come from grains through <see cref="LiveHubObserver"/>. A connection joins
/// the admin groups its user's roles give it, and this node subscribes to the routes of its user and groups.
/// </summary>
[Authorize]
public sealed class LiveHub(LiveRoutes routes, UserConnections connections, IOptions<RateLimitOptions> limits) : Hub<ILiveClient>
{
    public const string Path = "/hubs/live";

    public override async Task OnConnectedAsync()
    {
        foreach (var group in Context.User!.AdminGroups())
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
        }

        if (connections.Count(Context.UserIdentifier!) >= limits.Value.HubConnectionsPerUser)
        {
            Context.Abort(); // one user's many tabs or a runaway client: the connections already open keep working
            return;
        }

        var viaCookie = Context.GetHttpContext() is { } request && AuthExtensions.SelectScheme(request) == CookieAuthenticationDefaults.AuthenticationScheme;
        connections.Add(Context.UserIdentifier!, new HubSession(Context.User!.GetSessionId(), viaCookie), Context);
        await routes.JoinAsync(Context.User!.LiveAddresses());
        await base.OnConnectedAsync();
    }

    /// <summary>
    /// Answers once this connection receives live events: a hub runs a connection's calls only after its
    /// <see cref="OnConnectedAsync"/>, which subscribes. A client that reads state after this misses no change.
    /// </summary>
    [HubMethodName("ready")]
    public Task ReadyAsync() => Task.CompletedTask;

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.UserIdentifier!, Context);
        routes.Leave(Context.User!.LiveAddresses());
        return base.OnDisconnectedAsync(exception);
    }
}
