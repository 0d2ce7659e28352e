using Kalmar.Contracts.Live;
using Kalmar.Contracts.Model;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;
using Kalmar.Web.Hubs;

namespace Kalmar.Tests.Web;

[Collection(PortalCollection.Name)]
public sealed class LiveHubTests(PortalFixture portal)
{
    [Fact]
    public async Task GrainEventReachesOnlyItsUserOnAnotherWebHost()
    {
        await using var emmy = await ConnectAsync(Demo.Emmy, Demo.TravellerPassword, LiveEvents.CreditChanged);
        await using var dan = await ConnectAsync(Demo.Dan, Demo.AdminPassword, LiveEvents.CreditChanged);

        await portal.Cluster.Client.PublishLiveAsync(LiveEvent.ToUser(Credit(limitOre: 111), DemoAccounts.Emmy));
        await portal.Cluster.Client.PublishLiveAsync(LiveEvent.ToUser(Credit(limitOre: 222), DemoAccounts.Dan));

        Assert.Equal(111, (await emmy.WaitForAsync(LiveEvents.CreditChanged)).GetProperty("limitOre").GetInt64());
        Assert.Equal(222, (await dan.WaitForAsync(LiveEvents.CreditChanged)).GetProperty("limitOre").GetInt64());
    }

    [Fact]
    public async Task GroupEventReachesTheAdminsInScopeOnly()
    {
        await using var anna = await ConnectAsync(Demo.Anna, Demo.AdminPassword, LiveEvents.ApprovalQueueChanged);
        await using var emmy = await ConnectAsync(Demo.Emmy, Demo.TravellerPassword, LiveEvents.ApprovalQueueChanged);
        var toAdmins = Guid.NewGuid();
        var toEmmy = Guid.NewGuid();

        await portal.Cluster.Client.PublishLiveAsync(
            LiveEvent.ToGroups(new ApprovalQueueChanged([], [toAdmins]), [LiveAddress.CompanyAdmins(DemoAccounts.ExempelAb)]));
        await portal.Cluster.Client.PublishLiveAsync(LiveEvent.ToUser(new ApprovalQueueChanged([], [toEmmy]), DemoAccounts.Emmy));

        Assert.Equal(toAdmins, (await anna.WaitForAsync(LiveEvents.ApprovalQueueChanged)).GetProperty("removed")[0].GetGuid());
        Assert.Equal(toEmmy, (await emmy.WaitForAsync(LiveEvents.ApprovalQueueChanged)).GetProperty("removed")[0].GetGuid());
    }

    private static CreditChanged Credit(long limitOre) => new(new CreditView("2026-12", Enabled: true, limitOre, UsedOre: 0));


    private async Task<LiveClient> ConnectAsync(string email, string password, string eventName) =>
        await LiveClient.ConnectAsync(portal.WebB, await portal.WebB.CreateClient().LoginForTokenAsync(email, password), eventName);
}
