using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Live;
using Kalmar.Contracts.Model;
using Kalmar.Grains.Live;
using Kalmar.Tests.Fixtures;
using Kalmar.Web.Hubs;

namespace Kalmar.Tests.Web;

/// <summary>
/// A silo that dies takes the live route grains it held; they come back on the other silo knowing no web node. The node
/// renews its routes as soon as it loses the silo's gateway (every second until each answers), so a connected client
/// gets events again long before the heartbeat (five minutes here). The chaos run lost events for up to that heartbeat.
/// A cluster of its own, since it kills one of its silos.
/// </summary>
public sealed class SiloLossLiveTests : IAsyncLifetime
{
    private KalmarCluster _cluster = null!;
    private KalmarWebFactory _web = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await (await PostgresServer.Shared).CreateDatabaseAsync();
        _cluster = await KalmarCluster.StartAsync(connectionString, silos: 2, settings: KalmarCluster.QuickFailureDetection);
        _web = new KalmarWebFactory(_cluster, new Dictionary<string, string> { ["Live:RenewalInterval"] = "00:05:00" });
        _ = _web.Server;
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task AConnectedClientGetsEventsAgainSoonAfterTheSiloHoldingItsRouteDies()
    {
        var traveller = await Travellers.CreateAsync(_cluster.Client);
        await using var phone = await LiveClient.ConnectAsync(
            _web, await _web.CreateClient().LoginForTokenAsync(traveller.Email, Travellers.Password), LiveEvents.CreditChanged);
        var address = LiveAddress.User(traveller.Id);
        var route = _cluster.Client.GetGrain<ILiveRouteGrain>(address);
        var host = await _cluster.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(route)
            ?? throw new InvalidOperationException("The route is not active anywhere.");

        await _cluster.Cluster.KillSiloAsync(_cluster.Cluster.GetSiloForAddress(host)!);
        await _cluster.DeclaredDeadAsync(host);

        // Delivery is best effort: publish until one event arrives through the route's new activation.
        using var publishing = new CancellationTokenSource();
        var publisher = Task.Run(async () =>
        {
            for (var limitOre = 1L; !publishing.IsCancellationRequested; limitOre++)
            {
                await _cluster.Client.PublishLiveAsync(LiveEvent.ToUser(
                    new CreditChanged(new CreditView("2026-12", Enabled: true, limitOre, UsedOre: 0)), traveller.Id));
                await Task.Delay(200);
            }
        });
        var arrived = await phone.WaitForAsync(LiveEvents.CreditChanged);
        await publishing.CancelAsync();
        await publisher;

        Assert.True(arrived.GetProperty("limitOre").GetInt64() > 0);
    }
}
