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
    public async Task FiftyWithdrawalsRacingApprovalsEachEndOnceAndTheQueueTheTravellerAndTheInvoiceAgree()
    {
        var (traveller, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        using var admin = await portal.WebB.SignedInAdminAsync(Demo.Anna);
        var orders = new List<Guid>();
        for (var i = 0; i < 50; i++)
        {
            orders.Add((await Orders.SubmitAsync(portal.Cluster.Client, traveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21)).Id);
        }

        var races = await Task.WhenAll(orders.Select(async order =>
        {
            var answers = await Task.WhenAll(
                client.PostAsync($"/api/orders/{order}/withdraw", null),
                admin.PostAsync($"/api/admin/orders/{order}/approve", null));
            var (withdrawal, approval) = (answers[0].StatusCode, answers[1].StatusCode);
            foreach (var answer in answers)
            {
                answer.Dispose();
            }

            return (Order: order, Withdrawal: withdrawal, Approval: approval);
        }));

        var queue = await (await admin.GetAsync("/api/admin/approvals")).ReadJsonAsync();
        var invoiced = (await Sql.ReadAsync(portal.Cluster, "select order_id from invoice_ledger where order_id = any($1)", reader => reader.GetGuid(0), orders.ToArray())).ToHashSet();
        foreach (var (order, withdrawal, approval) in races)
        {
            Assert.True((withdrawal, approval) is (HttpStatusCode.OK, HttpStatusCode.Conflict) or (HttpStatusCode.Conflict, HttpStatusCode.OK), $"{order}: {withdrawal}, {approval}");
            var status = (await (await client.GetAsync($"/api/orders/{order}")).ReadJsonAsync()).GetProperty("status").GetString();
            Assert.Equal(withdrawal == HttpStatusCode.OK ? "withdrawn" : "approved", status);
            Assert.Equal(approval == HttpStatusCode.OK, invoiced.Contains(order));
        }

        Assert.DoesNotContain(queue.EnumerateArray(), item => orders.Contains(item.GetProperty("id").GetGuid()));
    }
}
