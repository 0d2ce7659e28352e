using System.Text.Json;
using Kalmar.Contracts.Live;
using Kalmar.Contracts.Model;
using Kalmar.Grains.Live;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;
using Kalmar.Web.Hubs;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kalmar.Tests.Web;

[Collection(PortalCollection.Name)]
public sealed class LiveHubTests(PortalFixture portal)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task GrainEventReachesOnlyItsUserOnAnotherWebHost()
    {
        await using var emmy = await ConnectAsync(portal.WebB, Demo.Emmy, Demo.TravellerPassword);
        await using var dan = await ConnectAsync(portal.WebB, Demo.Dan, Demo.AdminPassword);
        var emmyGot = emmy.Expect(LiveEvents.CreditChanged);
        var danGot = dan.Expect(LiveEvents.CreditChanged);

        await portal.Cluster.Client.PublishLiveAsync(LiveEvent.ToUser(Credit(limitOre: 111), DemoAccounts.Emmy));
        await portal.Cluster.Client.PublishLiveAsync(LiveEvent.ToUser(Credit(limitOre: 222), DemoAccounts.Dan));

        Assert.Equal(111, (await emmyGot.WaitAsync(Patience)).GetProperty("limitOre").GetInt64());
        Assert.Equal(222, (await danGot.WaitAsync(Patience)).GetProperty("limitOre").GetInt64());
    }

    [Fact]
    public async Task GroupEventReachesTheAdminsInScopeOnly()
    {
        await using var anna = await ConnectAsync(portal.WebB, Demo.Anna, Demo.AdminPassword);
        await using var emmy = await ConnectAsync(portal.WebB, Demo.Emmy, Demo.TravellerPassword);
        var annaGot = anna.Expect(LiveEvents.ApprovalQueueChanged);
        var emmyGot = emmy.Expect(LiveEvents.ApprovalQueueChanged);
        var toAdmins = Guid.NewGuid();
        var toEmmy = Guid.NewGuid();

        await portal.Cluster.Client.PublishLiveAsync(
            LiveEvent.ToGroups(new ApprovalQueueChanged([], [toAdmins]), [LiveAddress.CompanyAdmins(DemoAccounts.ExempelAb)]));
        await portal.Cluster.Client.PublishLiveAsync(LiveEvent.ToUser(new ApprovalQueueChanged([], [toEmmy]), DemoAccounts.Emmy));

        Assert.Equal(toAdmins, (await annaGot.WaitAsync(Patience)).GetProperty("removed")[0].GetGuid());
        Assert.Equal(toEmmy, (await emmyGot.WaitAsync(Patience)).GetProperty("removed")[0].GetGuid());
    }

    private static CreditChanged Credit(long limitOre) => new(new CreditView("2026-12", Enabled: true, limitOre, UsedOre: 0));

    private static async Task<LiveConnection> ConnectAsync(KalmarWebFactory web, string email, string password)
    {
        var token = await web.CreateClient().LoginForTokenAsync(email, password);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(web.Server.BaseAddress, LiveHub.Path), options =>
            {
                options.HttpMessageHandlerFactory = _ => web.Server.CreateHandler();
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        await connection.StartAsync();
        await connection.InvokeAsync("ready");
        return new LiveConnection(connection);
    }

    /// <summary>A hub connection that records the first payload of each event it is asked to expect.</summary>
    private sealed class LiveConnection(HubConnection connection) : IAsyncDisposable
    {
        public Task<JsonElement> Expect(string eventName)
        {
            var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
            connection.On<JsonElement>(eventName, payload => received.TrySetResult(payload));
            return received.Task;
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
