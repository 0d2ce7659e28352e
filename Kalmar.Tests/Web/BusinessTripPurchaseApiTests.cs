using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kalmar.Contracts.Abstractions;
using Kalmar.Tests.Fixtures;
using Kalmar.Web.Features.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace Kalmar.Tests.Web;

/// <summary>Buying business trips in the app on AllPay: within the credit, once per idempotency key, and what the ticket carries.</summary>
[Collection(PortalCollection.Name)]
public sealed class BusinessTripPurchaseApiTests(PortalFixture portal)
{
    [Fact]
    public async Task PurchasesNeedAllPayAndAPurposeStayWithinTheCreditAndStopWhenRevoked()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var anna = await portal.WebA.SignedInAdminAsync(Demo.Anna);
        using var phone = portal.WebA.CreateClientWithToken(await portal.GrantAndActivateAsync(anna, traveller.Id, 15000));
        static object Purchase(string key, string? purpose = "Kundmöte i Nybro") => BusinessTrips.Purchase(key, purpose, ["101", "131"]);

        using var withoutAllPay = await phone.BuyAsync(Purchase("k0"));
        using var added = await phone.AddAllPayAsync();
        using var withoutPurpose = await phone.BuyAsync(Purchase("k1", purpose: " "));
        using var first = await phone.BuyAsync(Purchase("k2"));
        using var again = await phone.BuyAsync(Purchase("k2"));
        using var second = await phone.BuyAsync(Purchase("k3"));
        using var third = await phone.BuyAsync(Purchase("k4"));

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

        await anna.GrantAsync(traveller.Id, 15000, enabled: false);
        using var revoked = await phone.BuyAsync(Purchase("k5"));
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
        using var buyer = await portal.ReadyToBuyAsync();

        using var response = await buyer.Phone.BuyAsync(BusinessTrips.Purchase(
            "fel", purpose == "x201" ? new string('x', 201) : purpose, zone is null ? [] : [zone], productId, categoryId));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("validation", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0, (await portal.Cluster.Client.GetGrain<ICreditAccountGrain>(buyer.Traveller.Id).GetAsync()).UsedOre);
        Assert.Empty(await portal.Cluster.Client.GetGrain<IUserGrain>(buyer.Traveller.Id).GetActiveTicketsAsync());
    }

    [Fact]
    public async Task ARetryAfterTheGrantIsRevokedGetsTheFirstAnswerWhileANewPurchaseIsRefused()
    {
        using var buyer = await portal.ReadyToBuyAsync();
        var (traveller, anna, phone) = buyer;

        using var first = await phone.BuyAsync(BusinessTrips.Purchase("före"));
        await anna.GrantAsync(traveller.Id, enabled: false);
        using var retry = await phone.BuyAsync(BusinessTrips.Purchase("före"));
        using var another = await phone.BuyAsync(BusinessTrips.Purchase("efter"));

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
        using var buyer = await portal.ReadyToBuyAsync();
        using var other = await portal.ReadyToBuyAsync();
        static object Purchase(string purpose) => BusinessTrips.Purchase(purpose, purpose, ["101", "131"]);
        using var mine = await buyer.Phone.BuyAsync(Purchase("Kundmöte i Nybro"));
        (await other.Phone.BuyAsync(Purchase("Annans resa"))).Dispose();

        var export = await buyer.Phone.GetFromJsonAsync<JsonElement>("/api/me/export");

        var trip = Assert.Single(export.GetProperty("businessTripPurchases").EnumerateArray());
        Assert.Equal("Kundmöte i Nybro", trip.GetProperty("purpose").GetString());
        Assert.Equal(new[] { "101", "131" }, trip.GetProperty("zones").EnumerateArray().Select(zone => zone.GetString()));
        Assert.Equal((await mine.ReadJsonAsync()).GetProperty("ticket").GetProperty("priceOre").GetInt64(), trip.GetProperty("totalOre").GetInt64());
    }

    [Fact]
    public async Task MobileTicketCarriesASignedQrCodeOnlyForItsHolder()
    {
        using var buyer = await portal.ReadyToBuyAsync();
        using var bought = await buyer.Phone.BuyAsync(BusinessTrips.Purchase("qr", purpose: "Mässa", productId: "24h"));
        var ticketId = (await bought.ReadJsonAsync()).GetProperty("ticket").GetProperty("id").GetGuid();
        var (_, stranger) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);

        var qr = await buyer.Phone.GetFromJsonAsync<JsonElement>($"/api/me/tickets/{ticketId}/qr");
        using var strangers = await stranger.GetAsync($"/api/me/tickets/{ticketId}/qr");

        Assert.Contains("<svg", qr.GetProperty("svg").GetString(), StringComparison.Ordinal);
        var codes = portal.WebB.Services.GetRequiredService<TicketCodes>();
        var payload = qr.GetProperty("payload").GetString()!;
        var read = await codes.ReadAsync(payload);
        Assert.Equal((ticketId, "24-timmarsbiljett"), (read!.TicketId, read.Product));
        var middle = payload.Length / 2;
        var tampered = string.Concat(payload.AsSpan(0, middle), payload[middle] == 'A' ? "B" : "A", payload.AsSpan(middle + 1));
        Assert.Null(await codes.ReadAsync(tampered));
        Assert.Equal(HttpStatusCode.NotFound, strangers.StatusCode);
    }
}
