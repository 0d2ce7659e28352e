using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kalmar.Contracts.Abstractions;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Web;

[Collection(PortalCollection.Name)]
public sealed class OrderingApiTests(PortalFixture portal)
{
    private const string KalmarC = "740101001";
    private const string NybroStation = "740131001";

    [Theory]
    [InlineData("kalm", "Kalmar")]
    [InlineData("farjestaden", "Färjestaden")]
    [InlineData("Västerv", "Västervik")]
    public async Task StopSearchIgnoresCaseAndDiacritics(string query, string expectedStart)
    {
        var (_, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);

        var stops = await client.GetFromJsonAsync<JsonElement>($"/api/stops?q={Uri.EscapeDataString(query)}");

        Assert.StartsWith(expectedStart, stops[0].GetProperty("name").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JourneysFromKalmarCToNybroAreValidInBothTownsZones()
    {
        var (_, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);

        var journeys = await client.GetFromJsonAsync<JsonElement>(JourneysUrl(KalmarC, NybroStation));

        Assert.True(journeys.GetArrayLength() > 0);
        var zones = journeys[0].GetProperty("zones").EnumerateArray().Select(zone => zone.GetString()).ToArray();
        Assert.Contains("101", zones);
        Assert.Contains("131", zones);
        Assert.True(journeys[0].GetProperty("departure").GetDateTimeOffset() < journeys[0].GetProperty("arrival").GetDateTimeOffset());
    }

    [Fact]
    public async Task ZonesAreListedInOrderWithTheirStops()
    {
        var (_, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);

        var zones = (await client.GetFromJsonAsync<JsonElement>("/api/zones")).EnumerateArray().ToArray();

        var ids = zones.Select(zone => zone.GetProperty("id").GetString()!).ToArray();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.DoesNotContain("", ids);
        var kalmar = zones.Single(zone => zone.GetProperty("id").GetString() == "101");
        Assert.Contains("Kalmar C", kalmar.GetProperty("stops").EnumerateArray().Select(stop => stop.GetString()));
        Assert.Contains("Nybro station", zones.Single(zone => zone.GetProperty("id").GetString() == "131")
            .GetProperty("stops").EnumerateArray().Select(stop => stop.GetString()));
    }

    [Theory]
    [InlineData("/api/journeys?from=nope&to=740131001", "from")]
    [InlineData("/api/journeys?from=740101001&to=nope", "to")]
    [InlineData("/api/journeys?from=740101001&to=740131001&date=2026-13-01", "date")]
    [InlineData("/api/journeys?from=740101001&to=740131001&time=25:99", "time")]
    [InlineData("/api/products", "zones")]
    public async Task BadSearchInputIsAValidationProblemNamingTheField(string url, string field)
    {
        var (_, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);

        using var response = await client.GetAsync(url);

        await AssertValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task ProductsArePricedWithSixPercentVatForTheZoneCount()
    {
        var (_, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);

        var products = await client.GetFromJsonAsync<JsonElement>("/api/products?zones=101,131");

        var enkelVuxen = products.EnumerateArray().Single(p => p.GetProperty("productId").GetString() == "enkel" && p.GetProperty("categoryId").GetString() == "vuxen");
        var excl = enkelVuxen.GetProperty("priceExclVatOre").GetInt64();
        Assert.Equal(2, enkelVuxen.GetProperty("zones").GetInt32());
        Assert.Equal((long)Math.Round(excl * 0.06m, MidpointRounding.AwayFromZero), enkelVuxen.GetProperty("vatOre").GetInt64());
        Assert.Equal(excl + enkelVuxen.GetProperty("vatOre").GetInt64(), enkelVuxen.GetProperty("totalOre").GetInt64());
        Assert.Equal(90, enkelVuxen.GetProperty("validityMinutes").GetInt32());
        Assert.Equal(24 * 60, products.EnumerateArray().First(p => p.GetProperty("productId").GetString() == "24h").GetProperty("validityMinutes").GetInt32());
    }

    [Fact]
    public async Task ProductsWithoutZonesAskTheTravellerToChooseAZone()
    {
        var (_, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);

        using var response = await client.GetAsync("/api/products");

        var problem = await response.ReadJsonAsync();
        Assert.Equal("Välj minst en zon.", problem.GetProperty("errors").GetProperty("zones")[0].GetString());
        Assert.Equal("Välj minst en zon.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task CheckoutTurnsTheCartIntoAPendingOrderInTheCompanysQueue()
    {
        var (traveller, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        using var added = await AddEnkelVuxenAsync(client, new { type = "app", number = "" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var cart = await added.ReadJsonAsync();
        Assert.Equal(Travellers.Mobile, cart.GetProperty("items")[0].GetProperty("carrier").GetProperty("number").GetString());

        using var checkout = await client.PostAsJsonAsync("/api/cart/checkout", new { idempotencyKey = Guid.NewGuid().ToString() });

        Assert.Equal(HttpStatusCode.Created, checkout.StatusCode);
        var order = await checkout.ReadJsonAsync();
        Assert.Equal("pending", order.GetProperty("status").GetString());
        Assert.Equal(cart.GetProperty("totalOre").GetInt64(), order.GetProperty("totalOre").GetInt64());
        var orderId = order.GetProperty("id").GetGuid();
        var queue = await portal.Cluster.Client.GetGrain<IApprovalQueueGrain>(DemoAccounts.ExempelAb).GetPendingAsync();
        Assert.Contains(queue, pending => pending.Id == orderId && pending.Submission.TravellerId == traveller.Id);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/cart")).GetProperty("items").EnumerateArray());
        var mine = await client.GetFromJsonAsync<JsonElement>("/api/me/orders");
        Assert.Equal(orderId, mine[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task TwentyConcurrentCheckoutsWithOneKeyMakeOneOrder()
    {
        var (traveller, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        (await AddEnkelVuxenAsync(client, new { type = "app", number = "070-655 56 11" })).Dispose();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => client.PostAsJsonAsync("/api/cart/checkout", new { idempotencyKey = key })));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
        var orderIds = await Task.WhenAll(responses.Select(async response => (await response.ReadJsonAsync()).GetProperty("id").GetGuid()));
        Assert.Single(orderIds.Distinct());
        Assert.Single(await portal.Cluster.Client.GetGrain<IUserGrain>(traveller.Id).GetOrderIdsAsync());
        var queue = await portal.Cluster.Client.GetGrain<IApprovalQueueGrain>(DemoAccounts.ExempelAb).GetPendingAsync();
        Assert.Single(queue, pending => pending.Id == orderIds[0]);
    }

    [Fact]
    public async Task EmptyCartCannotBeOrdered()
    {
        var (_, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);

        using var response = await client.PostAsJsonAsync("/api/cart/checkout", new { idempotencyKey = "k1" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("empty-cart", (await response.ReadJsonAsync()).GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("card", "123")]
    [InlineData("card", "1234567890")]
    [InlineData("app", "08-123 45 67")]
    [InlineData("app", "hej")]
    [InlineData("bus", "1")]
    public async Task BadCarrierIsRefusedAndTheCartStaysEmpty(string type, string number)
    {
        var (_, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);

        using var response = await AddEnkelVuxenAsync(client, new { type, number });

        await AssertValidationProblemAsync(response, "carrier");
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/cart")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task UnknownJourneyAndProductAreValidationProblems()
    {
        var (_, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        var journeyId = await FirstJourneyIdAsync(client);
        var carrier = new { type = "app", number = "" };

        using var unknownJourney = await client.PostAsJsonAsync("/api/cart/items", new { journeyId = "20260101|x:1:2", productId = "enkel", categoryId = "vuxen", carrier });
        using var unknownProduct = await client.PostAsJsonAsync("/api/cart/items", new { journeyId, productId = "gratis", categoryId = "vuxen", carrier });

        await AssertValidationProblemAsync(unknownJourney, "journeyId");
        await AssertValidationProblemAsync(unknownProduct, "productId");
    }

    [Fact]
    public async Task MalformedJsonIsABadRequestProblem()
    {
        var (_, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);

        using var response = await client.PostAsync("/api/cart/items", new StringContent("{\"journeyId\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task RemovingAnItemEmptiesTheCartAndAnUnknownItemIs404()
    {
        var (_, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        using var added = await AddEnkelVuxenAsync(client, new { type = "card", number = "1234567897" });
        var itemId = (await added.ReadJsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();

        using var removed = await client.DeleteAsync($"/api/cart/items/{itemId}");
        using var again = await client.DeleteAsync($"/api/cart/items/{itemId}");

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Empty((await removed.ReadJsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task RegionKalmarLanEmployeesAreNotOfferedTheStaffOffer()
    {
        var token = await portal.WebA.CreateClient().LoginForTokenAsync(Demo.Rut, Demo.TravellerPassword);
        using var client = portal.WebA.CreateClientWithToken(token);

        using var response = await AddEnkelVuxenAsync(client, new { type = "app", number = "" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("staff-offer-not-available", (await response.ReadJsonAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task AnotherUsersOrderIsNotFound()
    {
        var (_, owner) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        (await AddEnkelVuxenAsync(owner, new { type = "app", number = "" })).Dispose();
        using var checkout = await owner.PostAsJsonAsync("/api/cart/checkout", new { idempotencyKey = "mine" });
        var orderId = (await checkout.ReadJsonAsync()).GetProperty("id").GetGuid();
        var (_, stranger) = await Travellers.SignedInAsync(portal.Cluster, portal.WebB);

        using var asOwner = await owner.GetAsync($"/api/orders/{orderId}");
        using var asStranger = await stranger.GetAsync($"/api/orders/{orderId}");
        var strangersOrders = await stranger.GetFromJsonAsync<JsonElement>("/api/me/orders");

        Assert.Equal(HttpStatusCode.OK, asOwner.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, asStranger.StatusCode);
        Assert.Equal(0, strangersOrders.GetArrayLength());
    }

    [Fact]
    public async Task CookieSignedStateChangeNeedsTheAntiforgeryToken()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var browser = portal.WebA.CreateClient();
        (await browser.PostLoginAsync(traveller.Email, Travellers.Password)).Dispose();

        using var response = await browser.PostAsJsonAsync("/api/cart/checkout", new { idempotencyKey = "csrf" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("antiforgery", (await response.ReadJsonAsync()).GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/cart")]
    [InlineData("POST", "/api/cart/items")]
    [InlineData("POST", "/api/cart/checkout")]
    [InlineData("GET", "/api/me/orders")]
    [InlineData("GET", "/api/stops?q=kalm")]
    [InlineData("GET", "/api/journeys?from=740101001&to=740131001")]
    [InlineData("GET", "/api/products?zones=101")]
    public async Task EveryOrderingRouteNeedsSignIn(string method, string url)
    {
        using var client = portal.WebA.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string JourneysUrl(string from, string to) => $"/api/journeys?from={from}&to={to}&date={Weekdays.NextMonday()}&time=08:00";

    private static async Task<string> FirstJourneyIdAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>(JourneysUrl(KalmarC, NybroStation)))[0].GetProperty("id").GetString()!;

    private static async Task<HttpResponseMessage> AddEnkelVuxenAsync(HttpClient client, object carrier) =>
        await client.PostAsJsonAsync("/api/cart/items", new { journeyId = await FirstJourneyIdAsync(client), productId = "enkel", categoryId = "vuxen", carrier });

    private static async Task AssertValidationProblemAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("validation", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"no error for {field}: {problem}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }
}
