using System.Collections.Concurrent;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Live;
using Kalmar.Contracts.Model;
using Kalmar.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Kalmar.Web.Realtime;

/// <summary>
/// This node's subscriptions to the live routes of the users and admin groups it holds connections of: made when a
/// recipient's first connection opens, renewed on a heartbeat while any is open, and left to expire after the last
/// one closes (a stale route only costs an event that finds nobody here).
/// </summary>
public sealed partial class LiveRoutes(
    IClusterClient client,
    LiveHubObserver observer,
    IOptions<LiveOptions> options,
    ILogger<LiveRoutes> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, int> _connections = new(StringComparer.Ordinal);
    private ILiveObserver? _reference;

    private ILiveObserver Reference => _reference ??= client.CreateObjectReference<ILiveObserver>(observer);

    /// <summary>
    /// Every node hears of <see cref="LiveAddress.WebNodes"/> for its whole life (as if it held a connection there that
    /// never closes), from before it serves a request; should the first subscription fail, the heartbeat retries it.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
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
    /// returns, so events published once the connection is open reach it.
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
        try
        {
            await PeriodicWork.RunAsync(options.Value.RenewalInterval, RenewAsync, stoppingToken); // once stopped, the routes expire by themselves
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

    private async Task RenewAsync()
    {
        foreach (var address in _connections.Keys)
        {
            try
            {
                await client.GetGrain<ILiveRouteGrain>(address).SubscribeAsync(Reference);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogRenewalFailed(exception, address);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew this node's live route for {Address}; retrying on the next heartbeat")]
    private partial void LogRenewalFailed(Exception exception, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not leave the web nodes' route while stopping; it expires by itself")]
    private partial void LogLeaveFailed(Exception exception);
}
