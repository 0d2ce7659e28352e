using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kalmar.Contracts.Hosting;
using Kalmar.Tests.Fixtures;
using Kalmar.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Kalmar.Tests.Web;

/// <summary>What issue 16's review asked for beyond the routes: headers, bounded input, Production's refusals.</summary>
[Collection(PortalCollection.Name)]
public sealed class SecurityTests(PortalFixture portal)
{
    [Theory]
    [InlineData("/logga-in")]
    [InlineData("/api/me")]
    [InlineData("/app/")]
    public async Task PagesAndApiAnswersCarryTheSecurityHeaders(string path)
    {
        using var response = await portal.WebA.CreateClient().GetAsync(path);

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("unsafe-inline", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task ACartHoldsTwentyTicketsAndAHugeReasonIsRefused()
    {
        var (_, traveller) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        var journeys = await traveller.GetFromJsonAsync<JsonElement>($"/api/journeys?from=740101001&to=740131001&date={Weekdays.NextMonday()}&time=08:00");
        var item = new { journeyId = journeys[0].GetProperty("id").GetString(), productId = "enkel", categoryId = "vuxen", carrier = new { type = "app", number = Travellers.Mobile } };
        for (var added = 0; added < 20; added++)
        {
            using var ok = await traveller.PostAsJsonAsync("/api/cart/items", item);
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        using var tooMany = await traveller.PostAsJsonAsync("/api/cart/items", item);
        var cart = await traveller.GetFromJsonAsync<JsonElement>("/api/cart");
        using var anna = await portal.WebA.SignedInAdminAsync(Demo.Anna);
        using var hugeReason = await anna.PostAsJsonAsync($"/api/admin/orders/{Guid.NewGuid()}/reject", new { reason = new string('x', 501) });
        using var hugeNumber = await traveller.PostAsync("/api/app/purchases",
            new StringContent("""{"productId":"enkel","categoryId":"vuxen","zones":["101"],"purpose":"x","paymentMethod":"allpay","idempotencyKey":"k","limit":1e30}""",
                System.Text.Encoding.UTF8, "application/json"));
        using var deep = await traveller.PostAsync("/api/cart/items",
            new StringContent(new string('[', 200) + new string(']', 200), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(20, cart.GetProperty("items").GetArrayLength());
        Assert.True(hugeReason.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{hugeReason.StatusCode}");
        Assert.True((int)hugeNumber.StatusCode < 500, $"{hugeNumber.StatusCode}");
        Assert.Equal(HttpStatusCode.BadRequest, deep.StatusCode);
    }

    [Theory]
    [InlineData("Host=db;Password=kalmar", "https://foretag.example.se", true)]
    [InlineData("Host=db", "https://foretag.example.se", true)]
    [InlineData("Host=db;Password=Str0ng-och-hemligt", null, true)]
    [InlineData("Host=db;Password=Str0ng-och-hemligt", "https://foretag.example.se", false)]
    public void ProductionRefusesTheDevelopmentPasswordAndAMissingPublicUrl(string connectionString, string? publicUrl, bool refused)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ClusterSettings.ConnectionStringName}"] = connectionString,
            [$"{PortalOptions.Section}:{nameof(PortalOptions.PublicBaseUrl)}"] = publicUrl,
        }).Build();

        var failure = Record.Exception(() => ProductionSettings.Check(configuration, "Production"));

        Assert.Equal(refused, failure is InvalidOperationException);
        Assert.Null(Record.Exception(() => ProductionSettings.Check(configuration, "Development")));
    }

    /// <summary>Issue 16, finding 8: outside Development the key ring is never stored unencrypted.</summary>
    [Fact]
    public async Task ProductionStartsOnlyWithACertificateForTheKeyRing()
    {
        using var certificate = new KeyRingCertificateFile();
        await using var withoutCertificate = new KalmarWebFactory(portal.Cluster, ProductionConfiguration(new Dictionary<string, string>()));
        await using var withCertificate = new KalmarWebFactory(portal.Cluster, ProductionConfiguration(certificate.PemSettings));

        var refusal = Record.Exception(() => InProduction(withoutCertificate).Server);
        using var health = await InProduction(withCertificate).CreateClient().GetAsync("/health/live");

        Assert.Contains($"{KeyRingCertificate.Section}__{KeyRingCertificate.PathKey}", refusal?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    /// <summary>Issue 16, findings 1 and 8, in Production's configuration: HSTS, the policy headers, a secure cookie, only the portal's host.</summary>
    [Fact]
    public async Task InProductionPagesAndApiAnswersCarryHstsAndThePolicyTheCookieIsSecureAndAnotherHostIsRefused()
    {
        using var certificate = new KeyRingCertificateFile();
        await using var web = new KalmarWebFactory(portal.Cluster, ProductionConfiguration(certificate.PemSettings));
        using var client = InProduction(web).CreateClient(new() { BaseAddress = new Uri(ProductionUrl) });
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);

        using var page = await client.GetAsync("/logga-in");
        using var login = await client.PostLoginAsync(traveller.Email, Travellers.Password);
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/logga-in") { Headers = { Host = "evil.example" } };
        using var otherHost = await client.SendAsync(forged);

        Assert.All((HttpResponseMessage[])[page, login], answer =>
        {
            Assert.True(answer.IsSuccessStatusCode, $"{answer.RequestMessage?.RequestUri}: {answer.StatusCode}");
            Assert.StartsWith("max-age=", answer.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, answer.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("nosniff", answer.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", answer.Headers.GetValues("Referrer-Policy").Single());
        });
        var cookie = login.Headers.GetValues("Set-Cookie").Single(header => header.StartsWith("kalmar.auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", cookie, StringComparison.Ordinal);
        Assert.Contains("; httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("; samesite=lax", cookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, otherHost.StatusCode);
    }

    /// <summary>
    /// Kestrel's limit (1 MB; the test server has none, so this runs on a real listener): a 5 MB body to an ordinary route
    /// is 413, never a 500.
    /// </summary>
    [Fact]
    public async Task AFiveMegabyteBodyIs413OnARealListener()
    {
        await using var node = new KalmarWebFactory(portal.Cluster);
        var port = FreePorts.Next();
        node.UseKestrel(port);
        node.StartServer();
        using var http = new HttpClient { BaseAddress = new Uri($"http://localhost:{port}") };
        http.DefaultRequestHeaders.ExpectContinue = true; // the answer comes before the body is sent, as a careful client asks

        using var huge = await http.PostAsync("/api/app/activate", new StringContent(
            $$"""{"username":"{{new string('a', 5 * 1024 * 1024)}}","code":"123456"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }

    private const string ProductionUrl = "https://foretag.example.se";

    /// <summary>What Production starts with besides <paramref name="extra"/>: a database password that is not the development one, the public URL.</summary>
    private Dictionary<string, string> ProductionConfiguration(IReadOnlyDictionary<string, string> extra) => new Dictionary<string, string>
    {
        [$"ConnectionStrings:{ClusterSettings.ConnectionStringName}"] = $"{portal.Cluster.ConnectionString};Password=Str0ng-och-hemligt",
        [$"{PortalOptions.Section}:{nameof(PortalOptions.PublicBaseUrl)}"] = ProductionUrl,
    }.Concat(extra).ToDictionary();

    private static WebApplicationFactory<Program> InProduction(KalmarWebFactory web) => web.WithWebHostBuilder(host => host.UseEnvironment("Production"));
}
