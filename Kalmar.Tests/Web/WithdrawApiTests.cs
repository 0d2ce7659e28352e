using System.Net.Http.Json;
using System.Net;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Web;

/// <summary>A traveller takes back a pending order: it leaves the queue live, and against a decision exactly one wins.</summary>
[Collection(PortalCollection.Name)]
public sealed class WithdrawApiTests(PortalFixture portal)
{
    [Fact]
    public async Task AWithdrawnOrderLeavesTheQueueLiveAndCannotBeWithdrawnOrDecidedAgain()
    {
        var (traveller, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        var order = await Orders.SubmitAsync(portal.Cluster.Client, traveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);
        await using var anna = await LiveClient.ConnectAsync(portal.WebB, await portal.WebB.CreateClient().LoginForTokenAsync(Demo.Anna, Demo.AdminPassword), "approvalQueueChanged");
        using var emmy = await portal.WebA.SignedInClientAsync(Demo.Emmy, Demo.TravellerPassword);

        using var someoneElses = await emmy.PostAsync($"/api/orders/{order.Id}/withdraw", null);
        using var withdrawn = await client.PostAsync($"/api/orders/{order.Id}/withdraw", null);
        using var again = await client.PostAsync($"/api/orders/{order.Id}/withdraw", null);
        using var admin = await portal.WebA.SignedInAdminAsync(Demo.Anna);
        using var approved = await admin.PostAsync($"/api/admin/orders/{order.Id}/approve", null);

        Assert.Equal(HttpStatusCode.NotFound, someoneElses.StatusCode);
        Assert.Equal("withdrawn", (await withdrawn.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, approved.StatusCode);
        await anna.WaitForAsync("approvalQueueChanged", change => change.GetProperty("removed").EnumerateArray().Any(id => id.GetGuid() == order.Id));
        Assert.Equal("withdrawn", (await (await client.GetAsync($"/api/orders/{order.Id}")).ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task MinaBestallningarWithdrawsAPendingOrderAndSaysSo()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        var order = await Orders.SubmitAsync(portal.Cluster.Client, traveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);
        await Terms.AcceptAsync(portal.WebA, traveller.Email, Travellers.Password);
        using var browser = portal.WebA.CreateClient();
        (await browser.PostLoginAsync(traveller.Email, Travellers.Password)).EnsureSuccessStatusCode();
        using var list = await browser.GetAsync("/biljetter/bestallningar");
        var listed = await list.Content.ReadAsStringAsync();
        Assert.Contains($"/biljetter/bestallning/{order.Id}?handler=Withdraw", listed, StringComparison.Ordinal);

        using var withdrawn = await browser.PostAsync(
            $"/biljetter/bestallning/{order.Id}?handler=Withdraw", PageForms.Form(await PageForms.TokenAsync(list), ("returnTo", "list")));
        var after = System.Net.WebUtility.HtmlDecode(await withdrawn.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Contains("Beställningen är tillbakadragen.", after, StringComparison.Ordinal);
        Assert.Contains("Tillbakadragen", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"/biljetter/bestallning/{order.Id}?handler=Withdraw", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWithdrawalRacingADecisionHasExactlyOneWinner()
    {
        var (traveller, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        using var admin = await portal.WebB.SignedInAdminAsync(Demo.Anna);
        for (var round = 0; round < 5; round++)
        {
            var order = await Orders.SubmitAsync(portal.Cluster.Client, traveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);

            var answers = await Task.WhenAll(
                client.PostAsync($"/api/orders/{order.Id}/withdraw", null),
                admin.PostAsJsonAsync($"/api/admin/orders/{order.Id}/reject", new { reason = "Fel zon" }));

            Assert.Single(answers, answer => answer.StatusCode == HttpStatusCode.OK);
            Assert.Single(answers, answer => answer.StatusCode == HttpStatusCode.Conflict);
        }
    }
}
