using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kalmar.Bench.Portal;

/// <summary>Connections to the live hub as the app makes them: WebSockets with the bearer token.</summary>
public static class HubConnections
{
    public static HubConnection Create(Uri portal, string token) => new HubConnectionBuilder()
        .WithUrl(new Uri(portal, "/hubs/live"), options =>
        {
            options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            options.Transports = HttpTransportType.WebSockets;
            // The negotiate round trip only picks the transport; skipping it opens ten thousand connections sooner.
            options.SkipNegotiation = true;
        })
        // A loaded 2-core machine may ping late; the client must not be the one that gives up.
        .WithServerTimeout(TimeSpan.FromMinutes(5))
        .Build();
}
