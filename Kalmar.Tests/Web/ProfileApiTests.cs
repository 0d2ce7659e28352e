using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Web;

[Collection(PortalCollection.Name)]
public sealed partial class ProfileApiTests(PortalFixture portal)
{
    private static object Profile(string email, string personnummer = "19850412-1230", string mobile = "070-655 56 11") => new
    {
        firstName = "Emmy",
        lastName = "Nilsson",
        personnummer,
        email,
        mobile,
        phone = "0480-45 12 00",
        notify = new { email = true, sms = true },
    };

    [Fact]
    public async Task SavedProfileIsNormalisedAndReadBack()
    {
        var (traveller, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);

        using var saved = await client.PutAsJsonAsync("/api/me", Profile(traveller.Email, "850412-1230"));
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("19850412-1230", me.GetProperty("personnummer").GetString());
        Assert.Equal("+46706555611", me.GetProperty("mobile").GetString());
        Assert.True(me.GetProperty("notify").GetProperty("sms").GetBoolean());
    }

    [Fact]
    public async Task EveryWrongFieldIsNamedAndNothingIsSaved()
    {
        var (traveller, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);

        using var response = await client.PutAsJsonAsync("/api/me", new
        {
            firstName = "",
            lastName = "Nilsson",
            personnummer = "19850412-1231",
            email = "inte-en-adress",
            mobile = "08-123 45 67",
            phone = "abc",
            notify = new { email = true, sms = false },
        });
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "firstName", "personnummer", "email", "mobile", "phone" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        Assert.Equal("Test", me.GetProperty("firstName").GetString());
        Assert.Equal(traveller.Email, me.GetProperty("email").GetString());
    }

    [Theory]
    [InlineData("fel-lösenord", "Nytt-losenord-2026", "Nytt-losenord-2026", "currentPassword")]
    [InlineData(Travellers.Password, "kort", "kort", "newPassword")]
    [InlineData(Travellers.Password, Travellers.Password, Travellers.Password, "newPassword")]
    [InlineData(Travellers.Password, "Nytt-losenord-2026", "Annat-losenord-2026", "confirmPassword")]
    public async Task PasswordChangeRefusesBadInput(string current, string next, string confirm, string field)
    {
        var (traveller, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);

        using var response = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = current, newPassword = next, confirmPassword = confirm });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.False(string.IsNullOrEmpty(await portal.WebA.CreateClient().LoginForTokenAsync(traveller.Email, Travellers.Password)));
    }

    [Fact]
    public async Task PasswordEqualToTheEmailIsRefused()
    {
        var (traveller, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);

        using var response = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = Travellers.Password, newPassword = traveller.Email, confirmPassword = traveller.Email });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ChangedPasswordEndsOtherSessionsAndTheNewOneSignsIn()
    {
        var (traveller, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        using var otherDevice = await portal.WebB.SignedInClientAsync(traveller.Email, Travellers.Password);
        Assert.Equal(HttpStatusCode.OK, (await otherDevice.GetAsync("/api/me")).StatusCode);

        using var changed = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = Travellers.Password, newPassword = "Nytt-losenord-2026", confirmPassword = "Nytt-losenord-2026" });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherDevice.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.WebA.CreateClient().PostLoginAsync(traveller.Email, Travellers.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await portal.WebA.CreateClient().PostLoginAsync(traveller.Email, "Nytt-losenord-2026")).StatusCode);
    }

    [Fact]
    public async Task ResetLinkWorksOnceAndUnknownAddressesGetTheSameAnswer()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var anonymous = portal.WebA.CreateClient();

        HttpResponseMessage? known = null;
        var mail = await OutboxReader.AfterAsync(portal.Cluster, traveller.Email, async () =>
            known = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = traveller.Email }));
        using var unknown = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = "ingen-alls@example.se" });

        Assert.Equal(HttpStatusCode.Accepted, known!.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        var link = ResetLink().Match(mail.Body);
        Assert.True(link.Success, mail.Body);
        var confirm = new { userId = Guid.Parse(link.Groups["user"].Value), token = link.Groups["token"].Value, newPassword = "Aterstallt-2026", confirmPassword = "Aterstallt-2026" };

        using var first = await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm", confirm);
        using var second = await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm", confirm with { });

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal("invalid-reset-link", (await second.ReadJsonAsync()).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostLoginAsync(traveller.Email, "Aterstallt-2026")).StatusCode);
    }

    [Fact]
    public async Task ResetLinkPointsAtThePortalWhateverHostTheRequestNamed()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var attacker = portal.WebA.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/password-reset")
        {
            Content = JsonContent.Create(new { email = traveller.Email }),
        };
        request.Headers.Host = "evil.example";
        request.Headers.Add("X-Forwarded-Host", "evil.example");

        HttpResponseMessage? response = null;
        var mail = await OutboxReader.AfterAsync(portal.Cluster, traveller.Email, async () => response = await attacker.SendAsync(request));

        Assert.Equal(HttpStatusCode.Accepted, response!.StatusCode);
        Assert.DoesNotContain("evil.example", mail.Body, StringComparison.Ordinal);
        Assert.Contains("http://localhost:8080/aterstall-losenord?user=", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TermsAreRecordedWithVersionAndTime()
    {
        var (_, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        var before = await client.GetFromJsonAsync<JsonElement>("/api/me/terms");
        var version = before.GetProperty("currentVersion").GetString();

        using var wrong = await client.PostAsJsonAsync("/api/me/terms", new { version = "1999-01-01" });
        using var accepted = await client.PostAsJsonAsync("/api/me/terms", new { version });
        var after = await client.GetFromJsonAsync<JsonElement>("/api/me/terms");

        Assert.Equal(JsonValueKind.Null, before.GetProperty("acceptedVersion").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(version, after.GetProperty("acceptedVersion").GetString());
        Assert.True(after.GetProperty("acceptedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task ExportHoldsTheUsersOwnDataOnly()
    {
        var (traveller, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        (await client.PutAsJsonAsync("/api/me", Profile(traveller.Email))).Dispose();

        using var response = await client.GetAsync("/api/me/export");
        var export = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        Assert.Equal("19850412-1230", export.GetProperty("profile").GetProperty("personnummer").GetString());
        Assert.Equal(traveller.Email, export.GetProperty("profile").GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Array, export.GetProperty("orders").ValueKind);
    }

    [GeneratedRegex(@"user=(?<user>[0-9a-f]{32})&(amp;)?token=(?<token>[A-Za-z0-9_\-]+)")]
    private static partial Regex ResetLink();
}
