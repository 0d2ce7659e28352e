using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Kalmar.Tests.Fixtures;
using Kalmar.Web.Apis;
using Kalmar.Web.Features.Tickets;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kalmar.Tests.Web;

/// <summary>
/// Ticket inspection (issue 14, item 5): a QR payload verifies with nothing but the published keys, survives a key
/// rotation, and <c>POST /api/tickets/verify</c> tells valid, blocked, expired, not yet valid and forged apart.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class TicketInspectionApiTests(PortalFixture portal)
{
    [Fact]
    public async Task AGenuineCodeVerifiesWithOnlyThePublishedKeysAndAFlippedByteDoesNot()
    {
        using var buyer = await portal.ReadyToBuyAsync();
        var (ticketId, payload) = await BuyAsync(buyer, "24h");
        using var device = portal.WebB.CreateClient();

        var keySet = await device.GetFromJsonAsync<JsonElement>(TicketsApi.KeysPath);

        Assert.True(payload.Length < 200, $"The payload is {payload.Length} characters: {payload}");
        Assert.Equal(ticketId, OfflineTicketCheck.TicketId(payload));
        Assert.True(OfflineTicketCheck.Verifies(keySet, payload));
        var code = Base64Url.DecodeFromChars(payload);
        foreach (var at in new[] { 0, 3, 10, 24, 28, 40, code.Length - 70, code.Length - 1 })
        {
            var flipped = code.ToArray();
            flipped[at] ^= 0x01;
            Assert.False(OfflineTicketCheck.Verifies(keySet, flipped), $"A code with byte {at} flipped verified.");
        }
    }

    [Fact]
    public async Task VerifyAnswersValidWithWhatAnInspectorNeedsAndNothingOfTheHolder()
    {
        using var buyer = await portal.ReadyToBuyAsync();
        var (ticketId, payload) = await BuyAsync(buyer, "24h", ["101", "131"]);
        using var device = portal.WebB.CreateClient();

        using var response = await device.PostAsJsonAsync("/api/tickets/verify", new { payload });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var check = JsonDocument.Parse(body).RootElement;
        Assert.Equal("valid", check.GetProperty("status").GetString());
        var ticket = check.GetProperty("ticket");
        Assert.Equal(ticketId, ticket.GetProperty("id").GetGuid());
        Assert.Equal("24-timmarsbiljett", ticket.GetProperty("product").GetString());
        Assert.Equal("Vuxen", ticket.GetProperty("category").GetString());
        Assert.Equal(new[] { "101", "131" }, ticket.GetProperty("zones").EnumerateArray().Select(zone => zone.GetString()));
        Assert.Equal("app", ticket.GetProperty("carrierType").GetString());
        var validity = ticket.GetProperty("validTo").GetDateTimeOffset() - ticket.GetProperty("validFrom").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromHours(24), validity);
        Assert.DoesNotContain(Travellers.Mobile.TrimStart('+'), body, StringComparison.Ordinal);
        Assert.DoesNotContain(buyer.Traveller.Id.ToString(), body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(buyer.Traveller.Email, body, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("blocked")]
    [InlineData("recalled")]
    public async Task ABlockedOrRecalledTicketIsBlocked(string status)
    {
        using var buyer = await portal.ReadyToBuyAsync();
        var (ticketId, payload) = await BuyAsync(buyer);
        await Sql.ReadAsync(portal.Cluster, "update tickets set status = $2 where id = $1 returning id", row => row.GetGuid(0), ticketId, status);
        using var device = portal.WebA.CreateClient();

        var check = await VerifyAsync(device, payload);

        Assert.Equal("blocked", check.GetProperty("status").GetString());
        Assert.Equal(ticketId, check.GetProperty("ticket").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task BeforeItsValidityAndAfterItTheTicketIsNotYetValidThenExpired()
    {
        using var buyer = await portal.ReadyToBuyAsync();
        var (_, payload) = await BuyAsync(buyer);
        using var now = portal.WebA.CreateClient();
        var validFrom = (await VerifyAsync(now, payload)).GetProperty("ticket").GetProperty("validFrom").GetDateTimeOffset();
        var clock = new FakeTimeProvider(validFrom - TimeSpan.FromMinutes(1));
        await using var inspector = new KalmarWebFactory(portal.Cluster);
        using var device = WithTicketClock(inspector, clock).CreateClient();

        var early = await VerifyAsync(device, payload);
        clock.SetUtcNow(validFrom);
        var atStart = await VerifyAsync(device, payload);
        clock.SetUtcNow(validFrom + TimeSpan.FromMinutes(90) - TimeSpan.FromSeconds(1));
        var lastSecond = await VerifyAsync(device, payload);
        clock.Advance(TimeSpan.FromSeconds(1));
        var after = await VerifyAsync(device, payload);

        Assert.Equal("not-yet-valid", early.GetProperty("status").GetString());
        Assert.Equal("valid", atStart.GetProperty("status").GetString());
        Assert.Equal("valid", lastSecond.GetProperty("status").GetString());
        Assert.Equal("expired", after.GetProperty("status").GetString());
        Assert.Equal("Enkelbiljett", after.GetProperty("ticket").GetProperty("product").GetString());
    }

    [Fact]
    public async Task AfterARotationNewCodesCarryTheKeyPublishedAheadAndOlderCodesStillVerify()
    {
        using var buyer = await portal.ReadyToBuyAsync();
        var (ticketId, _) = await BuyAsync(buyer, "24h");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var nodeHost = new KalmarWebFactory(portal.Cluster);
        var node = WithTicketClock(nodeHost, clock);
        using var phone = node.CreateClient();
        phone.DefaultRequestHeaders.Authorization = buyer.Phone.DefaultRequestHeaders.Authorization;
        using var device = node.CreateClient();

        var before = await phone.GetFromJsonAsync<JsonElement>($"/api/me/tickets/{ticketId}/qr");
        var keysBefore = await device.GetFromJsonAsync<JsonElement>(TicketsApi.KeysPath);
        clock.Advance(new TicketKeyOptions().RotationPeriod + TimeSpan.FromMinutes(1));
        var after = await phone.GetFromJsonAsync<JsonElement>($"/api/me/tickets/{ticketId}/qr");
        var keysAfter = await device.GetFromJsonAsync<JsonElement>(TicketsApi.KeysPath);

        var (older, newer) = (before.GetProperty("payload").GetString()!, after.GetProperty("payload").GetString()!);
        Assert.NotEqual(OfflineTicketCheck.KeyId(older), OfflineTicketCheck.KeyId(newer));
        Assert.True(OfflineTicketCheck.Verifies(keysBefore, newer), "The new key was not published a period ahead.");
        Assert.True(OfflineTicketCheck.Verifies(keysAfter, older), "The retired key is no longer published.");
        Assert.True(OfflineTicketCheck.Verifies(keysAfter, newer));
        using var realTime = portal.WebA.CreateClient();
        Assert.Equal("valid", (await VerifyAsync(realTime, older)).GetProperty("status").GetString());
        Assert.Equal("valid", (await VerifyAsync(realTime, newer)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task NodesRotatingAtOnceCreateOneNextKey()
    {
        var store = portal.WebA.Services.GetRequiredService<TicketKeyStore>();
        var later = DateTimeOffset.UtcNow + TimeSpan.FromDays(4000);

        var loads = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.LoadAsync(later))));

        var waiting = await Sql.ReadAsync(portal.Cluster, "select kid from ticket_signing_keys where activated_at > $1", row => row.GetString(0), later);
        Assert.Single(waiting);
        Assert.All(loads, keys => Assert.Contains(keys, key => key.Kid == waiting[0] && key.Private is not null));
        Assert.All(loads, keys => Assert.Equal(loads[0].Select(key => key.Kid).Order(), keys.Select(key => key.Kid).Order()));
    }

    [Fact]
    public async Task TamperedTruncatedGarbageOrResignedCodesAreForged()
    {
        using var buyer = await portal.ReadyToBuyAsync();
        var (_, payload) = await BuyAsync(buyer);
        var code = Base64Url.DecodeFromChars(payload);
        var signed = code[..^64];
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var tampered = code.ToArray();
        tampered[26] ^= 0x40; // a later end of validity
        byte[] strangerKid = [.. signed[..1], .. RandomNumberGenerator.GetBytes(4), .. signed[5..]];
        using var device = portal.WebA.CreateClient();

        string[] forgeries =
        [
            Base64Url.EncodeToString(tampered),
            payload[..^1],
            payload[..(payload.Length / 2)],
            payload + "AA",
            "hej",
            "0000",
            Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(130)),
            Base64Url.EncodeToString([.. signed, .. stranger.SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)]),
            Base64Url.EncodeToString([.. strangerKid, .. stranger.SignData(strangerKid, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)]),
        ];

        foreach (var forgery in forgeries)
        {
            var check = await VerifyAsync(device, forgery);
            Assert.Equal("forged", check.GetProperty("status").GetString());
            Assert.False(check.TryGetProperty("ticket", out _), $"A forgery got a ticket: {forgery}");
        }
    }

    [Fact]
    public async Task RandomInputNeverFailsTheServerAndAnOversizedOneIs400InSwedish()
    {
        var random = new Random(14);
        const string characters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=åäö {}\"\\\u0000\u00ff";
        using var device = portal.WebA.CreateClient();
        var keyId = Base64Url.DecodeFromChars((await BuyAsync(await portal.ReadyToBuyAsync())).Payload).AsSpan(0, 5).ToArray();

        for (var i = 0; i < 150; i++)
        {
            var garbage = i % 2 == 0
                ? new string([.. Enumerable.Range(0, random.Next(1, 400)).Select(_ => characters[random.Next(characters.Length)])])
                : Base64Url.EncodeToString([.. keyId, .. RandomBytes(random, random.Next(0, 200))]); // our version and key, then noise
            using var response = await device.PostAsJsonAsync("/api/tickets/verify", new { payload = garbage });
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode} for {garbage}");
            if (!string.IsNullOrWhiteSpace(garbage))
            {
                Assert.Equal("forged", (await response.ReadJsonAsync()).GetProperty("status").GetString());
            }
        }

        using var oversized = await device.PostAsJsonAsync("/api/tickets/verify", new { payload = new string('A', 1025) });
        Assert.Equal(HttpStatusCode.BadRequest, oversized.StatusCode);
        Assert.Equal("application/problem+json", oversized.Content.Headers.ContentType?.MediaType);
        var problem = await oversized.ReadJsonAsync();
        Assert.Equal("Koden är för lång för att vara en biljett (högst 1024 tecken).", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("payload", out _));
    }

    [Fact]
    public async Task TheKeySetIsPublicCacheableAndHoldsNoPrivatePart()
    {
        using var device = portal.WebA.CreateClient();

        using var response = await device.GetAsync(TicketsApi.KeysPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("public", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var keys = (await response.ReadJsonAsync()).GetProperty("keys").EnumerateArray().ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Equal(
            ["alg", "crv", "kid", "kty", "use", "x", "y"], key.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal)));
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static async Task<JsonElement> VerifyAsync(HttpClient device, string payload)
    {
        using var response = await device.PostAsJsonAsync("/api/tickets/verify", new { payload });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    /// <summary>Buys a ticket on AllPay and fetches its QR payload.</summary>
    private static async Task<(Guid TicketId, string Payload)> BuyAsync(Buyer buyer, string productId = "enkel", string[]? zones = null)
    {
        using var bought = await buyer.Phone.BuyAsync(BusinessTrips.Purchase(Guid.NewGuid().ToString(), productId: productId, zones: zones));
        bought.EnsureSuccessStatusCode();
        var ticketId = (await bought.ReadJsonAsync()).GetProperty("ticket").GetProperty("id").GetGuid();
        var qr = await buyer.Phone.GetFromJsonAsync<JsonElement>($"/api/me/tickets/{ticketId}/qr");
        return (ticketId, qr.GetProperty("payload").GetString()!);
    }

    /// <summary><paramref name="node"/> (a web node of the cluster) with key rotation and inspection telling time by <paramref name="clock"/>.</summary>
    private static WebApplicationFactory<Program> WithTicketClock(KalmarWebFactory node, TimeProvider clock) =>
        node.WithWebHostBuilder(host => host.ConfigureTestServices(services => services.AddKeyedSingleton(TicketClock.Key, clock)));
}
