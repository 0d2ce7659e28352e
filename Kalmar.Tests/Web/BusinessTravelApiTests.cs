using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kalmar.Contracts.Abstractions;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;
using Kalmar.Web.Hubs;
using Microsoft.Extensions.DependencyInjection;

namespace Kalmar.Tests.Web;

[Collection(PortalCollection.Name)]
public sealed class BusinessTravelApiTests(PortalFixture portal)
{
    [Fact]
    public async Task GrantSendsTheSmsAndItsCodeActivatesTheAppOnce()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var anna = await AdminAsync(Demo.Anna);

        using var granted = await anna.PutAsJsonAsync($"/api/admin/travellers/{traveller.Id}/business-travel", new { enabled = true, monthlyLimitOre = 40000 });
        var (username, code) = await OutboxReader.NewestActivationAsync(portal.Cluster, "+46701112233");
        using var app = portal.WebB.CreateClient();
        using var activated = await app.PostAsJsonAsync("/api/app/activate", new { username, code });
        using var reused = await app.PostAsJsonAsync("/api/app/activate", new { username, code });

        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        var tokens = await activated.ReadJsonAsync();
        Assert.False(string.IsNullOrEmpty(tokens.GetProperty("refreshToken").GetString()));
        Assert.Equal(12 * 60 * 60, tokens.GetProperty("expiresIn").GetInt64());
        using var phone = portal.WebB.CreateClientWithToken(tokens.GetProperty("token").GetString()!);
        var credit = await phone.GetFromJsonAsync<JsonElement>("/api/app/credit");
        Assert.Equal(40000, credit.GetProperty("limitOre").GetInt64());
        Assert.Equal(40000, credit.GetProperty("remainingOre").GetInt64());
    }

    [Theory]
    [InlineData("lower")]
    [InlineData("upper")]
    public async Task UsernameActivatesWhateverItsCase(string variant)
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var anna = await AdminAsync(Demo.Anna);
        (await anna.PutAsJsonAsync($"/api/admin/travellers/{traveller.Id}/business-travel", new { enabled = true, monthlyLimitOre = 40000 })).Dispose();
        var (username, code) = await OutboxReader.NewestActivationAsync(portal.Cluster, "+46701112233");
        var typed = variant == "lower" ? $" {username.ToLowerInvariant()} " : username.ToUpperInvariant();

        using var activated = await portal.WebA.CreateClient().PostAsJsonAsync("/api/app/activate", new { username = typed, code });

        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
    }

    [Fact]
    public async Task SixthAttemptAfterFiveWrongCodesIsTooManyEvenWithTheRightCode()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var anna = await AdminAsync(Demo.Anna);
        (await anna.PutAsJsonAsync($"/api/admin/travellers/{traveller.Id}/business-travel", new { enabled = true, monthlyLimitOre = 40000 })).Dispose();
        var (username, code) = await OutboxReader.NewestActivationAsync(portal.Cluster, "+46701112233");
        using var app = portal.WebA.CreateClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await app.PostAsJsonAsync("/api/app/activate", new { username, code = code == "000000" ? "111111" : "000000" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var sixth = await app.PostAsJsonAsync("/api/app/activate", new { username, code });
        Assert.Equal((HttpStatusCode)429, sixth.StatusCode);
        Assert.Equal("too-many-attempts", (await sixth.ReadJsonAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task PurchasesNeedAllPayAndAPurposeStayWithinTheCreditAndStopWhenRevoked()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var anna = await AdminAsync(Demo.Anna);
        var token = await GrantAndActivateAsync(anna, traveller.Id, 15000);
        using var phone = portal.WebA.CreateClientWithToken(token);
        object Purchase(string key, string? purpose = "Kundmöte i Nybro") =>
            new { productId = "enkel", categoryId = "vuxen", zones = new[] { "101", "131" }, purpose, paymentMethod = "allpay", idempotencyKey = key };

        using var withoutAllPay = await phone.PostAsJsonAsync("/api/app/purchases", Purchase("k0"));
        using var added = await phone.PostAsJsonAsync("/api/app/payment-methods", new { type = "allpay" });
        using var withoutPurpose = await phone.PostAsJsonAsync("/api/app/purchases", Purchase("k1", purpose: " "));
        using var first = await phone.PostAsJsonAsync("/api/app/purchases", Purchase("k2"));
        using var again = await phone.PostAsJsonAsync("/api/app/purchases", Purchase("k2"));
        using var second = await phone.PostAsJsonAsync("/api/app/purchases", Purchase("k3"));
        using var third = await phone.PostAsJsonAsync("/api/app/purchases", Purchase("k4"));

        Assert.Equal(HttpStatusCode.Forbidden, withoutAllPay.StatusCode);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutPurpose.StatusCode);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var bought = await first.ReadJsonAsync();
        Assert.Equal((await again.ReadJsonAsync()).GetProperty("ticket").GetProperty("id").GetGuid(), bought.GetProperty("ticket").GetProperty("id").GetGuid());
        Assert.Equal("business-trip", bought.GetProperty("ticket").GetProperty("source").GetString());
        Assert.Equal("Kundmöte i Nybro", bought.GetProperty("ticket").GetProperty("purpose").GetString());
        var price = bought.GetProperty("ticket").GetProperty("priceOre").GetInt64();
        Assert.Equal(15000 - price, bought.GetProperty("credit").GetProperty("remainingOre").GetInt64());
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Equal("insufficient-credit", (await third.ReadJsonAsync()).GetProperty("type").GetString());
        Assert.Equal(2 * price, (await phone.GetFromJsonAsync<JsonElement>("/api/app/credit")).GetProperty("usedOre").GetInt64());

        (await anna.PutAsJsonAsync($"/api/admin/travellers/{traveller.Id}/business-travel", new { enabled = false, monthlyLimitOre = 15000 })).Dispose();
        using var revoked = await phone.PostAsJsonAsync("/api/app/purchases", Purchase("k5"));
        Assert.Equal(HttpStatusCode.Forbidden, revoked.StatusCode);
    }

    [Theory]
    [InlineData("zones", "enkel", "vuxen", "999", "Möte")]
    [InlineData("zones", "enkel", "vuxen", null, "Möte")]
    [InlineData("productId", "flygbiljett", "vuxen", "101", "Möte")]
    [InlineData("purpose", "enkel", "vuxen", "101", "")]
    [InlineData("purpose", "enkel", "vuxen", "101", "x201")]
    public async Task BadPurchaseInputNamesTheFieldAndChargesNothing(string field, string productId, string categoryId, string? zone, string purpose)
    {
        using var buyer = await ReadyToBuyAsync();
        var (traveller, anna, phone) = buyer;

        using var response = await phone.PostAsJsonAsync("/api/app/purchases", new
        {
            productId, categoryId, zones = zone is null ? Array.Empty<string>() : [zone],
            purpose = purpose == "x201" ? new string('x', 201) : purpose, paymentMethod = "allpay", idempotencyKey = "fel",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("validation", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0, (await portal.Cluster.Client.GetGrain<ICreditAccountGrain>(traveller.Id).GetAsync()).UsedOre);
        Assert.Empty(await portal.Cluster.Client.GetGrain<IUserGrain>(traveller.Id).GetActiveTicketsAsync());
    }

    [Fact]
    public async Task ARetryAfterTheGrantIsRevokedGetsTheFirstAnswerWhileANewPurchaseIsRefused()
    {
        using var buyer = await ReadyToBuyAsync();
        var (traveller, anna, phone) = buyer;
        object Purchase(string key) =>
            new { productId = "enkel", categoryId = "vuxen", zones = new[] { "101" }, purpose = "Möte", paymentMethod = "allpay", idempotencyKey = key };

        using var first = await phone.PostAsJsonAsync("/api/app/purchases", Purchase("före"));
        (await anna.PutAsJsonAsync($"/api/admin/travellers/{traveller.Id}/business-travel", new { enabled = false, monthlyLimitOre = 40000 })).Dispose();
        using var retry = await phone.PostAsJsonAsync("/api/app/purchases", Purchase("före"));
        using var another = await phone.PostAsJsonAsync("/api/app/purchases", Purchase("efter"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(
            (await first.ReadJsonAsync()).GetProperty("ticket").GetProperty("id").GetGuid(),
            (await retry.ReadJsonAsync()).GetProperty("ticket").GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.Forbidden, another.StatusCode);
        Assert.Single(await portal.Cluster.Client.GetGrain<IUserGrain>(traveller.Id).GetActiveTicketsAsync());
    }

    [Fact]
    public async Task TheTravellersDataExportHoldsTheirBusinessTripsAndNoOneElses()
    {
        using var buyer = await ReadyToBuyAsync();
        using var other = await ReadyToBuyAsync();
        object Purchase(string purpose) =>
            new { productId = "enkel", categoryId = "vuxen", zones = new[] { "101", "131" }, purpose, paymentMethod = "allpay", idempotencyKey = purpose };
        using var mine = await buyer.Phone.PostAsJsonAsync("/api/app/purchases", Purchase("Kundmöte i Nybro"));
        (await other.Phone.PostAsJsonAsync("/api/app/purchases", Purchase("Annans resa"))).Dispose();

        var export = await buyer.Phone.GetFromJsonAsync<JsonElement>("/api/me/export");

        var trip = Assert.Single(export.GetProperty("businessTripPurchases").EnumerateArray());
        Assert.Equal("Kundmöte i Nybro", trip.GetProperty("purpose").GetString());
        Assert.Equal(new[] { "101", "131" }, trip.GetProperty("zones").EnumerateArray().Select(zone => zone.GetString()));
        Assert.Equal((await mine.ReadJsonAsync()).GetProperty("ticket").GetProperty("priceOre").GetInt64(), trip.GetProperty("totalOre").GetInt64());
    }

    [Fact]
    public async Task AdminsSeeEachGrantsUseThisMonthAndWhetherAllPayIsAdded()
    {
        using var buyer = await ReadyToBuyAsync();
        using var bought = await buyer.Phone.PostAsJsonAsync("/api/app/purchases", new
        {
            productId = "enkel", categoryId = "vuxen", zones = new[] { "101" }, purpose = "Möte", paymentMethod = "allpay", idempotencyKey = "syns",
        });
        var price = (await bought.ReadJsonAsync()).GetProperty("ticket").GetProperty("priceOre").GetInt64();

        var travellers = await buyer.Anna.GetFromJsonAsync<JsonElement>("/api/admin/travellers");

        var listed = travellers.EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == buyer.Traveller.Id);
        Assert.True(listed.GetProperty("businessTravel").GetProperty("allPayAdded").GetBoolean());
        Assert.Equal(price, listed.GetProperty("credit").GetProperty("usedOre").GetInt64());
        Assert.Equal(40000 - price, listed.GetProperty("credit").GetProperty("remainingOre").GetInt64());
    }

    [Fact]
    public async Task ANameWeNeverIssuedIsRefusedLikeAWrongCode()
    {
        using var app = portal.WebA.CreateClient();

        using var refused = await app.PostAsJsonAsync("/api/app/activate", new { username = "klt-" + new string('Ö', 500), code = "123456" });

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("invalid-code", (await refused.ReadJsonAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task CreditChangesReachEveryConnectionOfTheTraveller()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var anna = await AdminAsync(Demo.Anna);
        var appToken = await GrantAndActivateAsync(anna, traveller.Id, 40000);
        var portalToken = await portal.WebB.CreateClient().LoginForTokenAsync(traveller.Email, Travellers.Password);
        await using var secondPhone = await LiveClient.ConnectAsync(portal.WebA, appToken, LiveEvents.CreditChanged);
        await using var startsida = await LiveClient.ConnectAsync(portal.WebB, portalToken, LiveEvents.CreditChanged);
        using var phone = portal.WebA.CreateClientWithToken(appToken);
        (await phone.PostAsJsonAsync("/api/app/payment-methods", new { type = "allpay" })).Dispose();

        using var bought = await phone.PostAsJsonAsync("/api/app/purchases", new
        {
            productId = "enkel", categoryId = "vuxen", zones = new[] { "101" }, purpose = "Möte", paymentMethod = "allpay", idempotencyKey = "live",
        });
        var remaining = (await bought.ReadJsonAsync()).GetProperty("credit").GetProperty("remainingOre").GetInt64();

        Assert.True(remaining < 40000);
        await secondPhone.WaitForAsync(LiveEvents.CreditChanged, e => e.GetProperty("remainingOre").GetInt64() == remaining);
        await startsida.WaitForAsync(LiveEvents.CreditChanged, e => e.GetProperty("remainingOre").GetInt64() == remaining);
    }

    [Fact]
    public async Task RevokingShowsEnabledFalseInTheCreditAndPushesItToTheOpenApp()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var anna = await AdminAsync(Demo.Anna);
        var appToken = await GrantAndActivateAsync(anna, traveller.Id, 40000);
        using var phone = portal.WebB.CreateClientWithToken(appToken);
        await using var openApp = await LiveClient.ConnectAsync(portal.WebB, appToken, LiveEvents.CreditChanged);
        var granted = await phone.GetFromJsonAsync<JsonElement>("/api/app/credit");

        (await anna.PutAsJsonAsync($"/api/admin/travellers/{traveller.Id}/business-travel", new { enabled = false, monthlyLimitOre = 40000 })).Dispose();

        Assert.True(granted.GetProperty("enabled").GetBoolean());
        var pushed = await openApp.WaitForAsync(LiveEvents.CreditChanged, e => !e.GetProperty("enabled").GetBoolean());
        Assert.Equal(0, pushed.GetProperty("remainingOre").GetInt64());
        Assert.False((await phone.GetFromJsonAsync<JsonElement>("/api/app/credit")).GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task MobileTicketCarriesASignedQrCodeOnlyForItsHolder()
    {
        using var buyer = await ReadyToBuyAsync();
        var (traveller, anna, phone) = buyer;
        using var bought = await phone.PostAsJsonAsync("/api/app/purchases", new
        {
            productId = "24h", categoryId = "vuxen", zones = new[] { "101" }, purpose = "Mässa", paymentMethod = "allpay", idempotencyKey = "qr",
        });
        var ticketId = (await bought.ReadJsonAsync()).GetProperty("ticket").GetProperty("id").GetGuid();
        var (_, stranger) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);

        var qr = await phone.GetFromJsonAsync<JsonElement>($"/api/me/tickets/{ticketId}/qr");
        using var strangers = await stranger.GetAsync($"/api/me/tickets/{ticketId}/qr");

        Assert.Contains("<svg", qr.GetProperty("svg").GetString(), StringComparison.Ordinal);
        var codes = portal.WebB.Services.GetRequiredService<Kalmar.Web.Features.Tickets.TicketCodes>();
        var read = codes.TryRead(qr.GetProperty("payload").GetString()!);
        Assert.Equal((ticketId, traveller.Id), (read!.Value.TicketId, read.Value.UserId));
        var payload = qr.GetProperty("payload").GetString()!;
        var middle = payload.Length / 2;
        var tampered = string.Concat(payload.AsSpan(0, middle), payload[middle] == 'A' ? "B" : "A", payload.AsSpan(middle + 1));
        Assert.Null(codes.TryRead(tampered));
        Assert.Equal(HttpStatusCode.NotFound, strangers.StatusCode);
    }

    [Fact]
    public async Task GrantingIsForAdminsInScopeOnly()
    {
        var ekonomi = await Travellers.CreateAsync(portal.Cluster.Client, departmentId: DemoAccounts.Ekonomi);
        using var dan = await AdminAsync(Demo.Dan);
        var (_, traveller) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);

        using var outOfScope = await dan.PutAsJsonAsync($"/api/admin/travellers/{ekonomi.Id}/business-travel", new { enabled = true, monthlyLimitOre = 40000 });
        using var notAdmin = await traveller.PutAsJsonAsync($"/api/admin/travellers/{ekonomi.Id}/business-travel", new { enabled = true, monthlyLimitOre = 40000 });

        using var codeOutOfScope = await dan.PostAsync($"/api/admin/travellers/{ekonomi.Id}/business-travel/code", null);
        using var codeNotAdmin = await traveller.PostAsync($"/api/admin/travellers/{ekonomi.Id}/business-travel/code", null);

        Assert.Equal(HttpStatusCode.NotFound, outOfScope.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, codeOutOfScope.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, codeNotAdmin.StatusCode);
        Assert.False((await portal.Cluster.Client.GetGrain<IBusinessTravelGrain>(ekonomi.Id).GetAsync()).Enabled);
    }

    [Fact]
    public async Task ANewLimitOnAStandingGrantSendsNoSmsWhileSkickaNyKodReplacesTheCode()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var anna = await AdminAsync(Demo.Anna);
        using var notGranted = await anna.PostAsync($"/api/admin/travellers/{traveller.Id}/business-travel/code", null);
        (await anna.PutAsJsonAsync($"/api/admin/travellers/{traveller.Id}/business-travel", new { enabled = true, monthlyLimitOre = 40000 })).Dispose();
        var (firstName, firstCode) = await OutboxReader.NewestActivationAsync(portal.Cluster, "+46701112233");
        var messagesAfterGrant = (await OutboxReader.ToAsync(portal.Cluster, "+46701112233")).Count;

        using var raised = await anna.PutAsJsonAsync($"/api/admin/travellers/{traveller.Id}/business-travel", new { enabled = true, monthlyLimitOre = 60000 });
        var messagesAfterRaise = (await OutboxReader.ToAsync(portal.Cluster, "+46701112233")).Count;
        using var newCode = await anna.PostAsync($"/api/admin/travellers/{traveller.Id}/business-travel/code", null);
        var (secondName, secondCode) = await OutboxReader.NewestActivationAsync(portal.Cluster, "+46701112233");
        using var app = portal.WebA.CreateClient();
        using var withOldCode = await app.PostAsJsonAsync("/api/app/activate", new { username = firstName, code = firstCode });
        using var withNewCode = await app.PostAsJsonAsync("/api/app/activate", new { username = secondName, code = secondCode });

        Assert.Equal(HttpStatusCode.Forbidden, notGranted.StatusCode);
        Assert.Equal("business-travel-not-granted", (await notGranted.ReadJsonAsync()).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        Assert.Equal(messagesAfterGrant, messagesAfterRaise);
        Assert.Equal(60000, (await portal.Cluster.Client.GetGrain<ICreditAccountGrain>(traveller.Id).GetAsync()).LimitOre);
        Assert.Equal(HttpStatusCode.OK, newCode.StatusCode);
        Assert.NotEqual(firstName, secondName);
        Assert.Equal(HttpStatusCode.Unauthorized, withOldCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withNewCode.StatusCode);
    }

    [Fact]
    public async Task AddingAllPayAnswersTheListedMethodWhichGoesWhenRevoked()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var anna = await AdminAsync(Demo.Anna);
        using var phone = portal.WebB.CreateClientWithToken(await GrantAndActivateAsync(anna, traveller.Id, 40000));

        var before = await phone.GetFromJsonAsync<JsonElement>("/api/app/payment-methods");
        using var created = await phone.PostAsJsonAsync("/api/app/payment-methods", new { type = "allpay" });
        var added = await phone.GetFromJsonAsync<JsonElement>("/api/app/payment-methods");
        (await anna.PutAsJsonAsync($"/api/admin/travellers/{traveller.Id}/business-travel", new { enabled = false, monthlyLimitOre = 40000 })).Dispose();
        var revoked = await phone.GetFromJsonAsync<JsonElement>("/api/app/payment-methods");

        Assert.Equal(0, before.GetArrayLength());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/app/payment-methods", created.Headers.Location?.OriginalString);
        Assert.Equal("allpay", added.EnumerateArray().Single().GetProperty("type").GetString());
        Assert.Equal("Faktura via AllPay", added.EnumerateArray().Single().GetProperty("name").GetString());
        Assert.Equal(added.EnumerateArray().Single().ToString(), (await created.ReadJsonAsync()).ToString());
        Assert.Equal(0, revoked.GetArrayLength());
    }

    /// <summary>A fresh traveller whom Anna granted business travel, with the app activated and AllPay added: Anna's client and the phone's.</summary>
    private async Task<Buyer> ReadyToBuyAsync()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        var anna = await AdminAsync(Demo.Anna);
        var phone = portal.WebA.CreateClientWithToken(await GrantAndActivateAsync(anna, traveller.Id, 40000));
        (await phone.PostAsJsonAsync("/api/app/payment-methods", new { type = "allpay" })).Dispose();
        return new Buyer(traveller, anna, phone);
    }

    private sealed record Buyer(Travellers.Traveller Traveller, HttpClient Anna, HttpClient Phone) : IDisposable
    {
        public void Dispose()
        {
            Anna.Dispose();
            Phone.Dispose();
        }
    }

    /// <summary>Grants business travel as the admin, then activates the app with the SMS's code; returns the app's token.</summary>
    private async Task<string> GrantAndActivateAsync(HttpClient admin, Guid travellerId, long monthlyLimitOre)
    {
        (await admin.PutAsJsonAsync($"/api/admin/travellers/{travellerId}/business-travel", new { enabled = true, monthlyLimitOre })).Dispose();
        var (username, code) = await OutboxReader.NewestActivationAsync(portal.Cluster, "+46701112233");
        using var activated = await portal.WebA.CreateClient().PostAsJsonAsync("/api/app/activate", new { username, code });
        return (await activated.ReadJsonAsync()).GetProperty("token").GetString()!;
    }

    private async Task<HttpClient> AdminAsync(string email) =>
        await portal.WebA.SignedInClientAsync(email, Demo.AdminPassword);
}
