using Kalmar.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Kalmar.Web.Hubs;

/// <summary>
/// The live hub. It only delivers: events come from grains through <see cref="Realtime.LiveHubObserver"/>.
/// A connection joins the admin groups its user's roles give it.
/// </summary>
[Authorize]
public sealed class LiveHub : Hub<ILiveClient>
{
    public const string Path = "/hubs/live";

    public override async Task OnConnectedAsync()
    {
        foreach (var group in Context.User!.AdminGroups())
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
        }

        await base.OnConnectedAsync();
    }
}
