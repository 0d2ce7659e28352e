using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;
using Kalmar.Web.Hubs;

namespace Kalmar.Tests.Web;

[Collection(PortalCollection.Name)]
public sealed class ApprovalsApiTests(PortalFixture portal)
{
    [Fact]
    public async Task ApprovalIssuesTheTicketAndTellsTheTravellerLiveOnAnotherHost()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        var travellerToken = await portal.WebB.CreateClient().LoginForTokenAsync(traveller.Email, Travellers.Password);
        await using var live = await LiveClient.ConnectAsync(portal.WebB, travellerToken, LiveEvents.OrderStatusChanged, LiveEvents.TicketIssued);
        var order = await Orders.SubmitAsync(portal.Cluster.Client, traveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);
        using var anna = await portal.WebA.SignedInAdminAsync(Demo.Anna);

        using var approved = await anna.PostAsync($"/api/admin/orders/{order.Id}/approve", null);

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("approved", (await approved.ReadJsonAsync()).GetProperty("status").GetString());
        var changed = await live.WaitForAsync(LiveEvents.OrderStatusChanged, e => e.GetProperty("orderId").GetGuid() == order.Id);
        Assert.Equal("approved", changed.GetProperty("status").GetString());
        Assert.Equal("Anna Andersson", changed.GetProperty("decidedBy").GetString());
        var ticket = await live.WaitForAsync(LiveEvents.TicketIssued, e => e.GetProperty("id").GetGuid() == order.Submission.Lines[0].Id);
        Assert.Equal("Enkelbiljett", ticket.GetProperty("product").GetString());
        using var travellerApi = portal.WebB.CreateClientWithToken(travellerToken);
        var tickets = await travellerApi.GetFromJsonAsync<JsonElement>("/api/me/tickets");
        var held = Assert.Single(tickets.EnumerateArray());
        Assert.Equal("staff-offer", held.GetProperty("source").GetString());
        Assert.Equal(held.GetProperty("registeredAt").GetDateTimeOffset().AddMinutes(90), held.GetProperty("validTo").GetDateTimeOffset());
        var email = Assert.Single(await OutboxReader.ToAsync(portal.Cluster, traveller.Email));
        Assert.Equal("Orderbekräftelse", email.Subject);
        Assert.Contains("Anna Andersson", email.Body, StringComparison.Ordinal);
        Assert.Contains(await OutboxReader.ToAsync(portal.Cluster, "dan@example.se"), mail => mail.Subject == "En beställning väntar på ditt godkännande");
    }

    [Fact]
    public async Task QueueIsLiveForEveryAdminInScope()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        var danToken = await portal.WebB.CreateClient().LoginForTokenAsync(Demo.Dan, Demo.AdminPassword);
        await using var danLive = await LiveClient.ConnectAsync(portal.WebB, danToken, LiveEvents.ApprovalQueueChanged);

        var order = await Orders.SubmitAsync(portal.Cluster.Client, traveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);
        await danLive.WaitForAsync(LiveEvents.ApprovalQueueChanged, e => Ids(e, "added", "id").Contains(order.Id));
        using var dan = portal.WebB.CreateClientWithToken(danToken);
        var queue = await dan.GetFromJsonAsync<JsonElement>("/api/admin/approvals");
        Assert.Contains(order.Id, queue.EnumerateArray().Select(o => o.GetProperty("id").GetGuid()));

        using var anna = await portal.WebA.SignedInAdminAsync(Demo.Anna);
        (await anna.PostAsync($"/api/admin/orders/{order.Id}/approve", null)).Dispose();

        await danLive.WaitForAsync(LiveEvents.ApprovalQueueChanged, e => e.GetProperty("removed").EnumerateArray().Any(id => id.GetGuid() == order.Id));
        var after = await dan.GetFromJsonAsync<JsonElement>("/api/admin/approvals");
        Assert.DoesNotContain(order.Id, after.EnumerateArray().Select(o => o.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task TwoAdminsDecidingAtOnceGetOneWinnerInEveryOneOfAHundredRounds()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        var travellerToken = await portal.WebB.CreateClient().LoginForTokenAsync(traveller.Email, Travellers.Password);
        await using var live = await LiveClient.ConnectAsync(portal.WebB, travellerToken, LiveEvents.OrderStatusChanged);
        using var anna = await portal.WebA.SignedInAdminAsync(Demo.Anna);
        using var dan = await portal.WebB.SignedInAdminAsync(Demo.Dan);
        var orderIds = new List<Guid>();

        for (var round = 0; round < 100; round++)
        {
            var order = await Orders.SubmitAsync(portal.Cluster.Client, traveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);
            orderIds.Add(order.Id);
            var answers = await Task.WhenAll(
                anna.PostAsync($"/api/admin/orders/{order.Id}/approve", null),
                dan.PostAsJsonAsync($"/api/admin/orders/{order.Id}/reject", new { reason = "Fel zon" }));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
            var loser = await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).ReadJsonAsync();
            Assert.Equal("already-decided", loser.GetProperty("type").GetString());
            Assert.Matches("av (Anna Andersson|Dan Dahl) \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}", loser.GetProperty("detail").GetString());
        }

        await live.WaitForAsync(LiveEvents.OrderStatusChanged, e => e.GetProperty("orderId").GetGuid() == orderIds[^1]);
        var notices = live.Received(LiveEvents.OrderStatusChanged).Select(e => e.GetProperty("orderId").GetGuid()).ToList();
        Assert.All(orderIds, id => Assert.Single(notices, notice => notice == id));
        var emails = await OutboxReader.ToAsync(portal.Cluster, traveller.Email);
        Assert.Equal(100, emails.Count(email => email.Subject == "Orderbekräftelse"));
    }

    [Fact]
    public async Task NobodyDecidesTheirOwnOrderAndAnotherAdminStillCan()
    {
        var annaAsTraveller = new Travellers.Traveller(DemoAccounts.Anna, Demo.Anna, "Anna Andersson");
        var order = await Orders.SubmitAsync(portal.Cluster.Client, annaAsTraveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);
        using var anna = await portal.WebA.SignedInAdminAsync(Demo.Anna);
        using var dan = await portal.WebA.SignedInAdminAsync(Demo.Dan);

        using var ownApproval = await anna.PostAsync($"/api/admin/orders/{order.Id}/approve", null);
        using var ownRejection = await anna.PostAsJsonAsync($"/api/admin/orders/{order.Id}/reject", new { reason = "Nej" });
        var statusAfterOwn = (await portal.Cluster.Client.GetGrain<IOrderGrain>(order.Id).GetAsync())!.Status;
        using var dansApproval = await dan.PostAsync($"/api/admin/orders/{order.Id}/approve", null);

        Assert.Equal(HttpStatusCode.Forbidden, ownApproval.StatusCode);
        Assert.Equal(RejectionCodes.OwnOrder, (await ownApproval.ReadJsonAsync()).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, ownRejection.StatusCode);
        Assert.Equal(OrderStatus.Pending, statusAfterOwn);
        Assert.Equal(HttpStatusCode.OK, dansApproval.StatusCode);
    }

    [Fact]
    public async Task DepartmentAdminNeitherSeesNorDecidesAnotherDepartmentsOrder()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client, departmentId: DemoAccounts.Ekonomi);
        var order = await Orders.SubmitAsync(portal.Cluster.Client, traveller, DemoAccounts.ExempelAb, DemoAccounts.Ekonomi);
        using var dan = await portal.WebA.SignedInAdminAsync(Demo.Dan);
        using var anna = await portal.WebA.SignedInAdminAsync(Demo.Anna);

        var dansQueue = await dan.GetFromJsonAsync<JsonElement>("/api/admin/approvals");
        var annasQueue = await anna.GetFromJsonAsync<JsonElement>("/api/admin/approvals");
        using var approve = await dan.PostAsync($"/api/admin/orders/{order.Id}/approve", null);
        using var reject = await dan.PostAsJsonAsync($"/api/admin/orders/{order.Id}/reject", new { reason = "Nej" });

        Assert.DoesNotContain(order.Id, dansQueue.EnumerateArray().Select(o => o.GetProperty("id").GetGuid()));
        Assert.Contains(order.Id, annasQueue.EnumerateArray().Select(o => o.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.NotFound, approve.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reject.StatusCode);
        Assert.Equal(OrderStatus.Pending, (await portal.Cluster.Client.GetGrain<IOrderGrain>(order.Id).GetAsync())!.Status);
    }

    [Fact]
    public async Task NoAdminReachesAnotherCompanysOrders()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        var order = await Orders.SubmitAsync(portal.Cluster.Client, traveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);
        var regionAdmin = Guid.NewGuid();
        var email = $"admin-{regionAdmin:N}@region.example.se";
        await portal.Cluster.Client.GetGrain<IUserGrain>(regionAdmin).CreateAsync(new NewUser(
            "Regina", "Admin", email, null, DemoAccounts.RegionKalmarLan, DemoAccounts.RegionKansli, [Role.CompanyAdmin], [], "Admin-2026-region"));
        using var outsider = await portal.WebA.SignedInClientAsync(email, "Admin-2026-region");

        var queue = await outsider.GetFromJsonAsync<JsonElement>("/api/admin/approvals");
        using var approve = await outsider.PostAsync($"/api/admin/orders/{order.Id}/approve", null);

        Assert.DoesNotContain(order.Id, queue.EnumerateArray().Select(o => o.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.NotFound, approve.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/admin/approvals")]
    [InlineData("POST", "/api/admin/orders/6d3c1f4e-0000-4000-8000-000000000999/approve")]
    [InlineData("POST", "/api/admin/orders/6d3c1f4e-0000-4000-8000-000000000999/reject")]
    public async Task TravellerWithoutAdminRoleIsForbiddenEveryAdminRoute(string method, string url)
    {
        var (_, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { reason = "x" }) });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task RejectionNeedsAReasonAndKeepsTheOrderPending()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        var order = await Orders.SubmitAsync(portal.Cluster.Client, traveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);
        using var anna = await portal.WebA.SignedInAdminAsync(Demo.Anna);

        using var response = await anna.PostAsJsonAsync($"/api/admin/orders/{order.Id}/reject", new { reason = "  " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(OrderStatus.Pending, (await portal.Cluster.Client.GetGrain<IOrderGrain>(order.Id).GetAsync())!.Status);
    }

    [Fact]
    public async Task RejectedOrderShowsTheReasonToTheTraveller()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        var order = await Orders.SubmitAsync(portal.Cluster.Client, traveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);
        using var anna = await portal.WebA.SignedInAdminAsync(Demo.Anna);
        (await anna.PostAsJsonAsync($"/api/admin/orders/{order.Id}/reject", new { reason = "Du har redan ett periodkort." })).Dispose();
        using var own = await portal.WebA.SignedInClientAsync(traveller.Email, Travellers.Password);

        var seen = await own.GetFromJsonAsync<JsonElement>($"/api/orders/{order.Id}");

        Assert.Equal("rejected", seen.GetProperty("status").GetString());
        Assert.Equal("Du har redan ett periodkort.", seen.GetProperty("reason").GetString());
        Assert.Equal(0, (await own.GetFromJsonAsync<JsonElement>("/api/me/tickets")).GetArrayLength());
    }

    private static IEnumerable<Guid> Ids(JsonElement change, string list, string property) =>
        change.GetProperty(list).EnumerateArray().Select(item => item.GetProperty(property).GetGuid());
}
