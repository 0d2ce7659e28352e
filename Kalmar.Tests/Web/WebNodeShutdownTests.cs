using System.Net;
using System.Net.Http.Json;
using System.Threading.Channels;
using System.Text.Json;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;
using Kalmar.Web.Hubs;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kalmar.Tests.Web;

/// <summary>
/// A web node stopped as SIGTERM stops it (the host's StopAsync) closes its hub connections telling the clients they may
/// reconnect; a client reconnecting through the proxy reaches the other node, reads the current state there and gets
/// live events again. The stopped node is one of the test's own beside the fixture's two.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class WebNodeShutdownTests(PortalFixture portal)
{
    [Fact]
    public async Task AStoppedNodesHubClientReconnectsToTheOtherNodeReadsTheCurrentStateAndGetsEventsAgain()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        var decidedMeanwhile = await Orders.SubmitAsync(portal.Cluster.Client, traveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);
        var decidedAfter = await Orders.SubmitAsync(portal.Cluster.Client, traveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);
        using var anna = await portal.WebB.SignedInAdminAsync(Demo.Anna);
        using var phoneApi = await portal.WebB.SignedInClientAsync(traveller.Email, Travellers.Password);
        var token = phoneApi.DefaultRequestHeaders.Authorization!.Parameter!;
        var stopping = new KalmarWebFactory(portal.Cluster);
        var proxyTarget = stopping; // where the proxy sends a new connection
        var statuses = Channel.CreateUnbounded<JsonElement>();
        await using var phone = LiveClient.Reconnecting(stopping.Server.BaseAddress, () => proxyTarget.Server.CreateHandler(), token);
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        phone.Reconnected += _ => Task.Run(reconnected.TrySetResult);
        phone.Closed += exception => Task.Run(() => closed.TrySetResult(exception));
        phone.On<JsonElement>(LiveEvents.OrderStatusChanged, payload => statuses.Writer.TryWrite(payload));
        await phone.StartAsync();
        await phone.InvokeAsync("ready");

        proxyTarget = portal.WebA;
        await stopping.DisposeAsync(); // StopAsync first, as on SIGTERM
        using (var approved = await anna.PostAsync($"/api/admin/orders/{decidedMeanwhile.Id}/approve", null))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        await Task.WhenAny(reconnected.Task, closed.Task).WithinPatienceAsync("the phone reconnecting (or closing)");
        if (closed.Task.IsCompleted)
        {
            Assert.Fail($"The phone was closed for good instead of reconnecting: {(await closed.Task)?.Message}");
        }

        await phone.InvokeAsync("ready");
        using var reread = await phoneApi.GetAsync($"/api/orders/{decidedMeanwhile.Id}");
        Assert.Equal("approved", (await reread.ReadJsonAsync()).GetProperty("status").GetString());

        using (var rejected = await anna.PostAsJsonAsync($"/api/admin/orders/{decidedAfter.Id}/reject", new { reason = "Inte i tjänsten" }))
        {
            Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        }

        Assert.Equal("rejected", (await NextStatusOfAsync(statuses.Reader, decidedAfter.Id)).GetProperty("status").GetString());
    }

    private static async Task<JsonElement> NextStatusOfAsync(ChannelReader<JsonElement> statuses, Guid orderId)
    {
        while (true)
        {
            var status = await statuses.ReadAsync().AsTask().WithinPatienceAsync($"orderStatusChanged of {orderId} on the other node");
            if (status.GetProperty("orderId").GetGuid() == orderId)
            {
                return status;
            }
        }
    }
}
