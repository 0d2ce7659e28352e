using System.Collections.Concurrent;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Live;
using Kalmar.Contracts.Model;
using Microsoft.Extensions.Options;

namespace Kalmar.Web.Realtime;

/// <summary>
/// This node's subscriptions to the live routes of the users and admin groups it holds connections of: made when a
/// recipient's first connection opens, renewed on a heartbeat while any is open, and left to expire after the last
/// one closes (a stale route only costs an event that finds nobody here). After a silo died they are renewed every
/// second until every route answers again (<see cref="SiloDeaths"/>): the chaos run saw events lost for up to the
/// two-minute heartbeat. A route that did not know this node when renewed had
/// lost events meant for it, which <see cref="LiveCatchUp"/> makes up for.
/// </summary>
public sealed partial class LiveRoutes(
    IClusterClient client,
    LiveHubObserver observer,
    LiveCatchUp catchUp,
    SiloDeaths siloDeaths,
    IOptions<LiveOptions> options,
    ILogger<LiveRoutes> logger) : BackgroundService
{
    /// <summary>How often routes are renewed after a silo died (and the silos looked at), and how long at most.</summary>
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan QuicklyAtMost = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, int> _connections = new(StringComparer.Ordinal);
    private ILiveObserver? _reference;

    private ILiveObserver Reference => _reference ??= client.CreateObjectReference<ILiveObserver>(observer);

    /// <summary>
    /// Every node hears of <see cref="LiveAddress.WebNodes"/> for its whole life (as if it held a connection there that
    /// never closes), from before it serves a request; should the first subscription fail, the heartbeat retries it.
    /// The silos are looked at first too, so that one dying before the first tick is a death seen.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await siloDeaths.AnySinceLastAskedAsync();
        try
        {
            await JoinAsync([LiveAddress.WebNodes]);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRenewalFailed(exception, LiveAddress.WebNodes);
        }

        await base.StartAsync(cancellationToken);
    }

    /// <summary>
    /// Counts a new connection of <paramref name="addresses"/>; the first one of an address subscribes before this
    /// returns, so events published once the connection is open reach it (whether the route knew this node does not
    /// matter: no connection here waited for its events).
    /// </summary>
    public async Task JoinAsync(IEnumerable<string> addresses)
    {
        foreach (var address in addresses)
        {
            if (_connections.AddOrUpdate(address, 1, (_, count) => count + 1) == 1)
            {
                await client.GetGrain<ILiveRouteGrain>(address).SubscribeAsync(Reference);
            }
        }
    }

    public void Leave(IEnumerable<string> addresses)
    {
        foreach (var address in addresses)
        {
            if (_connections.AddOrUpdate(address, 0, (_, count) => count - 1) <= 0)
            {
                _connections.TryRemove(KeyValuePair.Create(address, 0));
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RenewalInterval;
        using var timer = new PeriodicTimer(interval < Quickly ? interval : Quickly);
        var next = DateTimeOffset.UtcNow + interval;
        var quicklyUntil = DateTimeOffset.MinValue;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = DateTimeOffset.UtcNow;
                if (await siloDeaths.AnySinceLastAskedAsync())
                {
                    quicklyUntil = now + QuicklyAtMost;
                }

                if (now >= next || now < quicklyUntil)
                {
                    next = now + interval;
                    quicklyUntil = await RenewAsync() ? DateTimeOffset.MinValue : quicklyUntil;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: the routes expire by themselves
        }
        finally
        {
            if (_reference is not null)
            {
                await LeaveWebNodesAsync();
                client.DeleteObjectReference<ILiveObserver>(_reference);
            }
        }
    }

    /// <summary>A node that stops says so, so that the news every node must hear does not wait for it; best effort.</summary>
    private async Task LeaveWebNodesAsync()
    {
        try
        {
            await client.GetGrain<ILiveRouteGrain>(LiveAddress.WebNodes).UnsubscribeAsync(Reference).WaitAsync(SessionLifetimes.NodeMemory);
        }
        catch (Exception exception)
        {
            LogLeaveFailed(exception);
        }
    }

    /// <summary>Renews every route of this node's connections, catching up where one did not know it; true when each one answered.</summary>
    private async Task<bool> RenewAsync()
    {
        var renewed = true;
        foreach (var address in _connections.Keys)
        {
            try
            {
                if (!await client.GetGrain<ILiveRouteGrain>(address).SubscribeAsync(Reference))
                {
                    catchUp.Missed(address);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogRenewalFailed(exception, address);
                renewed = false;
            }
        }

        return renewed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew this node's live route for {Address}; retrying on the next heartbeat")]
    private partial void LogRenewalFailed(Exception exception, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not leave the web nodes' route while stopping; it expires by itself")]
    private partial void LogLeaveFailed(Exception exception);
}
