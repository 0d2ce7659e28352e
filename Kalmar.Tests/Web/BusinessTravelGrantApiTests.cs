using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Kalmar.Contracts.Abstractions;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;
using Kalmar.Web.Hubs;

namespace Kalmar.Tests.Web;

/// <summary>A business-travel grant as admins and the app see it: who may grant, the month's credit, live, and AllPay.</summary>
[Collection(PortalCollection.Name)]
public sealed class BusinessTravelGrantApiTests(PortalFixture portal)
{
    [Fact]
    public async Task GrantingIsForAdminsInScopeOnly()
    {
        var ekonomi = await Travellers.CreateAsync(portal.Cluster.Client, departmentId: DemoAccounts.Ekonomi);
        using var dan = await portal.WebA.SignedInAdminAsync(Demo.Dan);
        var (_, traveller) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);

        using var outOfScope = await dan.PutGrantAsync(ekonomi.Id, enabled: true, monthlyLimitOre: 40000);
        using var notAdmin = await traveller.PutGrantAsync(ekonomi.Id, enabled: true, monthlyLimitOre: 40000);

        using var codeOutOfScope = await dan.PostAsync($"/api/admin/travellers/{ekonomi.Id}/business-travel/code", null);
        using var codeNotAdmin = await traveller.PostAsync($"/api/admin/travellers/{ekonomi.Id}/business-travel/code", null);

        Assert.Equal(HttpStatusCode.NotFound, outOfScope.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, codeOutOfScope.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, codeNotAdmin.StatusCode);
        Assert.False((await portal.Cluster.Client.GetGrain<IBusinessTravelGrain>(ekonomi.Id).GetAsync()).Enabled);
    }

    [Fact]
    public async Task NoAdminGrantsThemselvesCredit()
    {
        using var dan = await portal.WebA.SignedInAdminAsync(Demo.Dan);
        var before = await portal.Cluster.Client.GetGrain<IBusinessTravelGrain>(DemoAccounts.Dan).GetAsync();

        using var own = await dan.PutGrantAsync(DemoAccounts.Dan, enabled: true, monthlyLimitOre: 9_000_000);

        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal("own-credit", (await own.ReadJsonAsync()).GetProperty("type").GetString());
        Assert.Equal(before, await portal.Cluster.Client.GetGrain<IBusinessTravelGrain>(DemoAccounts.Dan).GetAsync());
    }

    /// <summary>Issue 16, finding 7: the review's 90 billion kronor a month, and a krona over the company's maximum.</summary>
    [Theory]
    [InlineData(9_000_000_000_000)]
    [InlineData(DemoAccounts.MaxMonthlyLimitOre + 100)]
    public async Task ALimitAboveTheCompanysMaximumIs400AndChangesNothing(long monthlyLimitOre)
    {
        using var anna = await portal.WebA.SignedInAdminAsync(Demo.Anna);
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        await anna.GrantAsync(traveller.Id);
        var before = await portal.Cluster.Client.GetGrain<IBusinessTravelGrain>(traveller.Id).GetAsync();

        using var tooHigh = await anna.PutGrantAsync(traveller.Id, enabled: true, monthlyLimitOre);

        Assert.Equal(HttpStatusCode.BadRequest, tooHigh.StatusCode);
        Assert.Equal(before, await portal.Cluster.Client.GetGrain<IBusinessTravelGrain>(traveller.Id).GetAsync());
    }

    [Fact]
    public async Task AdminsSeeEachGrantsUseThisMonthAndWhetherAllPayIsAdded()
    {
        using var buyer = await portal.ReadyToBuyAsync();
        using var bought = await buyer.Phone.BuyAsync(BusinessTrips.Purchase("syns"));
        var price = (await bought.ReadJsonAsync()).GetProperty("ticket").GetProperty("priceOre").GetInt64();

        var travellers = await buyer.Anna.GetFromJsonAsync<JsonElement>($"/api/admin/travellers?q={buyer.Traveller.Email}");
        var details = await buyer.Anna.GetFromJsonAsync<JsonElement>($"/api/admin/travellers/{buyer.Traveller.Id}");

        var listed = travellers.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == buyer.Traveller.Id);
        Assert.True(listed.GetProperty("businessTravel").GetProperty("enabled").GetBoolean());
        Assert.Equal(40000, listed.GetProperty("businessTravel").GetProperty("monthlyLimitOre").GetInt64());
        Assert.Equal(price, listed.GetProperty("businessTravel").GetProperty("usedOre").GetInt64());
        Assert.True(details.GetProperty("businessTravel").GetProperty("allPayAdded").GetBoolean());
    }

    [Fact]
    public async Task CreditChangesReachEveryConnectionOfTheTraveller()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var anna = await portal.WebA.SignedInAdminAsync(Demo.Anna);
        var appToken = await portal.GrantAndActivateAsync(anna, traveller.Id, 40000);
        var portalToken = await portal.WebB.CreateClient().LoginForTokenAsync(traveller.Email, Travellers.Password);
        await using var secondPhone = await LiveClient.ConnectAsync(portal.WebA, appToken, LiveEvents.CreditChanged);
        await using var startsida = await LiveClient.ConnectAsync(portal.WebB, portalToken, LiveEvents.CreditChanged);
        using var phone = portal.WebA.CreateClientWithToken(appToken);
        (await phone.AddAllPayAsync()).Dispose();

        using var bought = await phone.BuyAsync(BusinessTrips.Purchase("live"));
        var remaining = (await bought.ReadJsonAsync()).GetProperty("credit").GetProperty("remainingOre").GetInt64();

        Assert.True(remaining < 40000);
        await secondPhone.WaitForAsync(LiveEvents.CreditChanged, e => e.GetProperty("remainingOre").GetInt64() == remaining);
        await startsida.WaitForAsync(LiveEvents.CreditChanged, e => e.GetProperty("remainingOre").GetInt64() == remaining);
    }

    [Fact]
    public async Task RevokingShowsEnabledFalseInTheCreditAndPushesItToTheOpenApp()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var anna = await portal.WebA.SignedInAdminAsync(Demo.Anna);
        var appToken = await portal.GrantAndActivateAsync(anna, traveller.Id, 40000);
        using var phone = portal.WebB.CreateClientWithToken(appToken);
        await using var openApp = await LiveClient.ConnectAsync(portal.WebB, appToken, LiveEvents.CreditChanged);
        var granted = await phone.GetFromJsonAsync<JsonElement>("/api/app/credit");

        await anna.GrantAsync(traveller.Id, 40000, enabled: false);

        Assert.True(granted.GetProperty("enabled").GetBoolean());
        var pushed = await openApp.WaitForAsync(LiveEvents.CreditChanged, e => !e.GetProperty("enabled").GetBoolean());
        Assert.Equal(0, pushed.GetProperty("remainingOre").GetInt64());
        Assert.False((await phone.GetFromJsonAsync<JsonElement>("/api/app/credit")).GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task AddingAllPayAnswersTheListedMethodWhichGoesWhenRevoked()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var anna = await portal.WebA.SignedInAdminAsync(Demo.Anna);
        using var phone = portal.WebB.CreateClientWithToken(await portal.GrantAndActivateAsync(anna, traveller.Id, 40000));

        var before = await phone.GetFromJsonAsync<JsonElement>("/api/app/payment-methods");
        using var created = await phone.AddAllPayAsync();
        var added = await phone.GetFromJsonAsync<JsonElement>("/api/app/payment-methods");
        await anna.GrantAsync(traveller.Id, 40000, enabled: false);
        var revoked = await phone.GetFromJsonAsync<JsonElement>("/api/app/payment-methods");

        Assert.Equal(0, before.GetArrayLength());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/app/payment-methods", created.Headers.Location?.OriginalString);
        Assert.Equal("allpay", added.EnumerateArray().Single().GetProperty("type").GetString());
        Assert.Equal("Faktura via AllPay", added.EnumerateArray().Single().GetProperty("name").GetString());
        Assert.Equal(added.EnumerateArray().Single().ToString(), (await created.ReadJsonAsync()).ToString());
        Assert.Equal(0, revoked.GetArrayLength());
    }
}
