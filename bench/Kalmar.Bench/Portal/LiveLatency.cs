using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Kalmar.Bench.Measuring;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kalmar.Bench.Portal;

/// <summary>
/// How long after a command its live event reaches the traveller's phone: from sending the request to the event
/// arriving on a hub connection of the traveller. One command at a time, so each latency is one event's alone.
/// </summary>
public sealed class LiveLatency(Uri portalAddress, PortalHttp portal, FigureLog figures)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>An admin approves each order; the ordering traveller's connection waits for <c>orderStatusChanged</c>.</summary>
    public async Task ApproveToOrderStatusChangedAsync(string adminToken, IReadOnlyList<Traveller> travellers, IReadOnlyList<StaffOrders.PlacedOrder> orders)
    {
        var waiting = new ConcurrentDictionary<Guid, TaskCompletionSource<long>>();
        var phones = travellers.Select(traveller =>
        {
            var connection = HubConnections.Create(portalAddress, traveller.Token);
            connection.On<JsonElement>("orderStatusChanged", payload =>
            {
                var arrived = Ticks.Now;
                if (waiting.TryGetValue(payload.GetProperty("orderId").GetGuid(), out var order))
                {
                    order.TrySetResult(arrived);
                }
            });
            return connection;
        }).ToList();
        await Task.WhenAll(phones.Select(phone => phone.StartAsync()));
        await Task.WhenAll(phones.Select(phone => phone.InvokeAsync("ready"))); // the hub routes events here from now on

        var (toEvent, toAnswer, failed) = (new Latencies(), new Latencies(), 0);
        foreach (var (order, index) in orders.Select((order, index) => (order, index)))
        {
            var arrival = waiting[order.Id] = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            var sent = Ticks.Now;
            using var response = await portal.SendAsync(HttpMethod.Post, $"/api/admin/orders/{order.Id}/approve", adminToken);
            var answered = Ticks.Now;
            var arrived = response.StatusCode == HttpStatusCode.OK ? await WithinPatienceAsync(arrival.Task) : null;
            if (arrived is null)
            {
                failed++;
            }
            else if (index >= Warmup(orders.Count))
            {
                toEvent.Add(Ticks.Milliseconds(sent, arrived.Value));
                toAnswer.Add(Ticks.Milliseconds(sent, answered));
            }
        }

        await Task.WhenAll(phones.Select(phone => phone.DisposeAsync().AsTask()));
        Write("approve", toEvent, toAnswer, failed);
    }

    /// <summary>The traveller buys on one device; their second device waits for <c>creditChanged</c> with the new balance.</summary>
    public async Task PurchaseToCreditChangedAsync(Traveller traveller, int count)
    {
        var changes = Channel.CreateUnbounded<(long UsedOre, long ArrivedAt)>();
        await using var secondDevice = HubConnections.Create(portalAddress, traveller.Token);
        secondDevice.On<JsonElement>("creditChanged", payload => changes.Writer.TryWrite((payload.GetProperty("usedOre").GetInt64(), Ticks.Now)));
        await secondDevice.StartAsync();
        await secondDevice.InvokeAsync("ready");

        var (toEvent, toAnswer, failed) = (new Latencies(), new Latencies(), 0);
        for (var i = 0; i < count; i++)
        {
            var sent = Ticks.Now;
            using var response = await portal.SendAsync(HttpMethod.Post, "/api/app/purchases", traveller.Token, Purchase.NewBody());
            var answered = Ticks.Now;
            if (response.StatusCode != HttpStatusCode.Created)
            {
                failed++;
                continue;
            }

            var usedOre = (await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync())).RootElement.GetProperty("credit").GetProperty("usedOre").GetInt64();
            var arrived = await WithinPatienceAsync(ArrivalOfAsync(changes.Reader, usedOre));
            if (arrived is null)
            {
                failed++;
            }
            else if (i >= Warmup(count))
            {
                toEvent.Add(Ticks.Milliseconds(sent, arrived.Value));
                toAnswer.Add(Ticks.Milliseconds(sent, answered));
            }
        }

        Write("purchase", toEvent, toAnswer, failed);
    }

    private static async Task<long> ArrivalOfAsync(ChannelReader<(long UsedOre, long ArrivedAt)> changes, long usedOre)
    {
        while (true)
        {
            var change = await changes.ReadAsync();
            if (change.UsedOre >= usedOre)
            {
                return change.ArrivedAt;
            }
        }
    }

    private static async Task<long?> WithinPatienceAsync(Task<long> arrival)
    {
        try
        {
            return await arrival.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>The first few commands warm the code paths up and are not counted.</summary>
    private static int Warmup(int count) => Math.Min(10, count / 10);

    private void Write(string command, Latencies toEvent, Latencies toAnswer, int failed)
    {
        figures.Add(LoadNames.Live, "kalmar", $"{command}-event-p50", toEvent.Percentile(50));
        figures.Add(LoadNames.Live, "kalmar", $"{command}-event-p99", toEvent.Percentile(99));
        figures.Add(LoadNames.Live, "kalmar", $"{command}-answer-p50", toAnswer.Percentile(50));
        figures.Add(LoadNames.Live, "kalmar", $"{command}-samples", toEvent.Count);
        figures.Add(LoadNames.Live, "kalmar", $"{command}-failed", failed);
    }
}
