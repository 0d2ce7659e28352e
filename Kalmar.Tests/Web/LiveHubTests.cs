using System.Text.Json;
using Kalmar.Grains.Contracts;
using Kalmar.Grains.Live;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;
using Kalmar.Web.Hubs;
using Kalmar.Web.Realtime;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Kalmar.Tests.Web;

[Collection(PortalCollection.Name)]
public sealed class LiveHubTests(PortalFixture portal)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task GrainEventReachesOnlyItsUserOnAnotherWebHost()
    {
        await portal.WebB.Services.GetRequiredService<LiveObserverRegistration>().Registered.WaitAsync(Patience);
        await using var emmy = await ConnectAsync(portal.WebB, Demo.Emmy, Demo.TravellerPassword);
        await using var dan = await ConnectAsync(portal.WebB, Demo.Dan, Demo.AdminPassword);
        var emmyGot = emmy.Expect("testEvent");
        var danGot = dan.Expect("testEvent");

        await portal.Cluster.Client.PublishLiveAsync(LiveEvent.ToUser("testEvent", new { text = "till Emmy" }, DemoAccounts.Emmy));
        await portal.Cluster.Client.PublishLiveAsync(LiveEvent.ToUser("testEvent", new { text = "till Dan" }, DemoAccounts.Dan));

        Assert.Equal("till Emmy", (await emmyGot.WaitAsync(Patience)).GetProperty("text").GetString());
        Assert.Equal("till Dan", (await danGot.WaitAsync(Patience)).GetProperty("text").GetString());
    }

    [Fact]
    public async Task GroupEventReachesTheAdminsInScopeOnly()
    {
        await portal.WebB.Services.GetRequiredService<LiveObserverRegistration>().Registered.WaitAsync(Patience);
        await using var anna = await ConnectAsync(portal.WebB, Demo.Anna, Demo.AdminPassword);
        await using var emmy = await ConnectAsync(portal.WebB, Demo.Emmy, Demo.TravellerPassword);
        var annaGot = anna.Expect("queueEvent");
        var emmyGot = emmy.Expect("queueEvent");

        await portal.Cluster.Client.PublishLiveAsync(
            LiveEvent.ToGroups("queueEvent", new { n = 1 }, [LiveAddress.CompanyAdmins(DemoAccounts.ExempelAb)]));
        await portal.Cluster.Client.PublishLiveAsync(LiveEvent.ToUser("queueEvent", new { n = 2 }, DemoAccounts.Emmy));

        Assert.Equal(1, (await annaGot.WaitAsync(Patience)).GetProperty("n").GetInt32());
        Assert.Equal(2, (await emmyGot.WaitAsync(Patience)).GetProperty("n").GetInt32());
    }

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
