using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Live;
using Kalmar.Contracts.Model;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;
using Kalmar.Web.Hubs;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kalmar.Tests.Web;

/// <summary>
/// A silo that dies takes the live route grains it held; they come back on the other silo knowing no web node. The node
/// renews its routes as soon as the cluster has declared the silo dead (every second until each answers), not at the
/// heartbeat (five minutes here): the chaos run lost events for up to that heartbeat, and then, with that fixed, still
/// left a phone stale, since an event sent before the renewal reached nobody. A renewal that finds a route did not know
/// the node therefore makes the node's clients of that recipient catch up. The tests hold the node's renewals
/// (<see cref="RouteSubscriptionGate"/>) until an event has surely gone by. A cluster of its own, since it kills a silo.
/// </summary>
public sealed class SiloLossLiveTests : IAsyncLifetime
{
    private readonly RouteSubscriptionGate _renewals = new();
    private KalmarCluster _cluster = null!;
    private KalmarWebFactory _web = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await (await PostgresServer.Shared).CreateDatabaseAsync();
        // The business clock stands still, so a node's memory of an open session lasts until the node is told or forgets.
        _cluster = await KalmarCluster.StartAsync(
            connectionString, silos: 2, settings: KalmarCluster.QuickFailureDetection, clock: new FakeTimeProvider(DateTimeOffset.UtcNow));
        _web = WebNode(new Dictionary<string, string> { ["Live:RenewalInterval"] = "00:05:00" });
        _ = _web.Server;
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    /// <summary>
    /// The chaos run's stale phone: its order is rejected after the silo holding its route died and before its node
    /// renewed, so the event reaches nobody, and the phone's own connection (its node lives) never broke. The renewal
    /// (at once after the silo's death, not at the five-minute heartbeat) finds the route did not know the node, which
    /// closes the phone's connection allowing reconnection: the phone reconnects and reads the rejection, as the app and
    /// the portal do after every reconnect, and the next decision reaches it live.
    /// </summary>
    [Fact]
    public async Task APhoneWhoseRouteForgotItsNodeWhileItsOrderWasDecidedReconnectsReadsTheDecisionAndGetsTheNextLive()
    {
        var traveller = await Travellers.CreateAsync(_cluster.Client);
        var order = await Orders.SubmitAsync(_cluster.Client, traveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);
        var next = await Orders.SubmitAsync(_cluster.Client, traveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);
        var token = await _web.CreateClient().LoginForTokenAsync(traveller.Email, Travellers.Password);
        using var api = _web.CreateClientWithToken(token);
        await using var phone = LiveClient.Reconnecting(_web.Server.BaseAddress, _web.Server.CreateHandler, token);
        var liveStatuses = Channel.CreateUnbounded<JsonElement>();
        phone.On<JsonElement>(LiveEvents.OrderStatusChanged, payload => liveStatuses.Writer.TryWrite(payload));
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        phone.Reconnected += _ => Task.Run(reconnected.TrySetResult);
        phone.Closed += _ => Task.Run(closed.TrySetResult);
        await phone.StartAsync();
        await phone.InvokeAsync("ready");

        _renewals.Close();
        var route = LiveAddress.User(traveller.Id);
        await KillTheSiloHoldingAsync(route);
        await using (var published = await LiveEventProbe.SubscribeAsync(_cluster.Client, route, sent => sent.Update is OrderStatusChanged))
        {
            await RejectAsync(order.Id);
            await published.WaitAsync("the rejection's orderStatusChanged");
        }

        _renewals.Open();
        await Task.WhenAny(reconnected.Task, closed.Task).WithinPatienceAsync("the phone reconnecting (or closing)");
        Assert.False(closed.Task.IsCompleted, "The phone was closed for good instead of reconnecting.");
        await phone.InvokeAsync("ready");
        var reread = await api.GetFromJsonAsync<JsonElement>($"/api/orders/{order.Id}");
        await RejectAsync(next.Id);
        var live = await liveStatuses.Reader.ReadAsync().AsTask().WithinPatienceAsync("the next decision's orderStatusChanged");

        Assert.Equal("rejected", reread.GetProperty("status").GetString());
        Assert.Equal(next.Id, live.GetProperty("orderId").GetGuid()); // the first went by while the route knew no node
        Assert.Equal("rejected", live.GetProperty("status").GetString());
    }

    /// <summary>
    /// The same for the news every node must hear: a session ends while the web nodes' route is a new activation (here
    /// deactivated, as its silo's death would leave it) that does not know this node, which goes on answering the
    /// session's requests from memory. When the node's heartbeat renewal finds that out, the node forgets what it
    /// remembered and asks its connections' sessions again: the ended one's connection is closed (it would otherwise stay
    /// open until the session's idle limit, for an app weeks away) and its requests are refused.
    /// </summary>
    [Fact]
    public async Task ASessionEndedWhileTheWebNodesRouteForgotTheNodeHasItsHubConnectionClosedAfterTheRenewal()
    {
        // A one-second heartbeat (no silo dies here), and sessions checked as often as allowed, so that the node has looked
        // at the phone's session before it ends (a first look after the end would close the connection too).
        await using var web = WebNode(new Dictionary<string, string> { ["Live:SessionCheckInterval"] = "00:00:00.050" });
        var traveller = await Travellers.CreateAsync(_cluster.Client);
        var token = await web.CreateClient().LoginForTokenAsync(traveller.Email, Travellers.Password);
        using var api = web.CreateClientWithToken(token);
        var session = (await api.GetFromJsonAsync<JsonElement>("/api/me/sessions")).EnumerateArray().Single();
        await using var phone = await LiveClient.ConnectAsync(web, token, LiveEvents.SessionEnded);

        _renewals.Close();
        await _cluster.Cluster.DeactivateAsync(_cluster.Client.GetGrain<ILiveRouteGrain>(LiveAddress.WebNodes));
        Assert.True(await _cluster.Client.GetGrain<ISessionGrain>(session.GetProperty("id").GetGuid()).EndAsync(traveller.Id, SessionEndReasons.SignedOutElsewhere));
        using var beforeRenewal = await api.GetAsync("/api/me");
        _renewals.Open();
        var ended = await phone.WaitForAsync(LiveEvents.SessionEnded);
        await phone.Closed.WithinPatienceAsync("the ended session's hub connection closing");
        await Waits.UntilAsync(async () => await api.StatusOfAsync("/api/me") == HttpStatusCode.Unauthorized, "the ended session refused");

        Assert.Equal(HttpStatusCode.OK, beforeRenewal.StatusCode); // the node missed the end and answers from memory
        Assert.Equal("Du har loggats ut.", ended.GetProperty("message").GetString());
    }

    private async Task RejectAsync(Guid orderId) =>
        Assert.Null((await _cluster.Client.GetGrain<IOrderGrain>(orderId).DecideAsync(
            new OrderDecision(false, DemoAccounts.Anna, "Anna Andersson", "Inte i tjänsten"))).Rejection);

    private KalmarWebFactory WebNode(IReadOnlyDictionary<string, string> settings) =>
        new(_cluster, settings, services => services.AddSingleton<IOutgoingGrainCallFilter>(_renewals));

    /// <summary>Kills the silo of <paramref name="address"/>'s route and waits until the other has declared it dead.</summary>
    private async Task KillTheSiloHoldingAsync(string address)
    {
        var route = _cluster.Client.GetGrain<ILiveRouteGrain>(address);
        var host = await _cluster.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(route)
            ?? throw new InvalidOperationException("The route is not active anywhere.");
        await _cluster.Cluster.KillSiloAsync(_cluster.Cluster.GetSiloForAddress(host)!);
        await _cluster.DeclaredDeadAsync(host);
    }
}
