using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Kalmar.Bench.Measuring;
using Kalmar.Bench.Portal;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kalmar.Bench.Chaos;

/// <summary>
/// A traveller's phone on the live hub, as the product says a client behaves: it follows <c>creditChanged</c> and
/// <c>orderStatusChanged</c>, and when its connection ends (its node died or stopped) it connects to a node that answers
/// and reads its credit and orders from the API again, since events sent meanwhile reached nobody.
/// </summary>
public sealed class Phone(Traveller traveller, int home, WebNodes nodes, PatientApi api, ChaosStats stats) : IAsyncDisposable
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(500);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _closing = new();
    private HubConnection? _connection;
    private long _usedOre = -1;
    private int _liveEvents;
    private int _reconnects;

    public Traveller Traveller => traveller;

    /// <summary>The credit used this month as the phone last knew it: used only grows in the run, so the highest seen.</summary>
    public long UsedOre => Interlocked.Read(ref _usedOre);

    public ConcurrentDictionary<Guid, string> Orders { get; } = new();

    public int LiveEvents => _liveEvents;

    public int Reconnects => _reconnects;

    public Task ConnectAsync() => ConnectAsync(since: null);

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        HubConnection? connection;
        lock (_gate)
        {
            connection = _connection;
        }

        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        _closing.Dispose();
    }

    private async Task ConnectAsync(long? since)
    {
        while (!_closing.IsCancellationRequested)
        {
            var node = nodes.Pick(home);
            var connection = HubConnections.Create(nodes.Addresses[node], traveller.Token);
            connection.On<JsonElement>("creditChanged", payload => Live(() => Know(payload.GetProperty("usedOre").GetInt64())));
            connection.On<JsonElement>("orderStatusChanged", payload => Live(() => Know(payload.GetProperty("orderId").GetGuid(), payload.GetProperty("status").GetString()!)));
            connection.Closed += _ => Task.Run(() => ReconnectAsync(connection));
            try
            {
                stats.Attempted();
                await connection.StartAsync(_closing.Token);
                await connection.InvokeAsync("ready", _closing.Token);
                lock (_gate)
                {
                    _connection = connection;
                }

                await RereadAsync(node);
                if (since is { } closedAt)
                {
                    stats.Interrupted("a hub client (reconnect and re-read)", closedAt);
                }

                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !_closing.IsCancellationRequested)
            {
                // Refused, reset, closed by the server while starting (a node not yet in the cluster): try again, as the app does.
                stats.Failed("hub connection refused or lost");
                nodes.MarkDown(node);
                await connection.DisposeAsync();
                await Task.Delay(Pause, CancellationToken.None);
            }
            catch (OperationCanceledException)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private async Task ReconnectAsync(HubConnection closed)
    {
        var closedAt = Ticks.Now;
        lock (_gate)
        {
            if (_closing.IsCancellationRequested || !ReferenceEquals(_connection, closed))
            {
                return;
            }

            _connection = null;
        }

        Interlocked.Increment(ref _reconnects);
        await closed.DisposeAsync();
        await ConnectAsync(closedAt);
    }

    private async Task RereadAsync(int node)
    {
        var credit = await api.SendAsync("a hub client's re-read", node, HttpMethod.Get, "/api/app/credit", traveller.Token);
        if (credit?.Status == HttpStatusCode.OK)
        {
            Know(credit.Json.GetProperty("usedOre").GetInt64());
        }

        var orders = await api.SendAsync("a hub client's re-read", node, HttpMethod.Get, "/api/me/orders", traveller.Token);
        if (orders?.Status == HttpStatusCode.OK)
        {
            foreach (var order in orders.Json.EnumerateArray())
            {
                Know(order.GetProperty("id").GetGuid(), order.GetProperty("status").GetString()!);
            }
        }
    }

    private void Live(Action know)
    {
        Interlocked.Increment(ref _liveEvents);
        know();
    }

    private void Know(long usedOre)
    {
        var known = Interlocked.Read(ref _usedOre);
        while (usedOre > known && Interlocked.CompareExchange(ref _usedOre, usedOre, known) != known)
        {
            known = Interlocked.Read(ref _usedOre);
        }
    }

    /// <summary>A decision is final: a late "pending" (a re-read racing the event) never replaces it.</summary>
    private void Know(Guid order, string status) =>
        Orders.AddOrUpdate(order, status, (_, known) => known == "pending" ? status : known);
}
