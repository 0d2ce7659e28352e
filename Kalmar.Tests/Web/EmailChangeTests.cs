using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Web;

/// <summary>Issue 16, item 5: the e-mail address (where password resets go) changes only with the password and the new address's proof.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class EmailChangeTests(PortalFixture portal)
{
    [Fact]
    public async Task AWrongPasswordChangesNothingAndCountsTowardTheLockout()
    {
        var (traveller, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        var wanted = $"ny-{Guid.NewGuid():N}@example.se";

        using var without = await client.PutAsJsonAsync("/api/me", Profile(wanted, currentPassword: null));
        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await client.PutAsJsonAsync("/api/me", Profile(wanted, "fel-lösenord"));
            answers.Add(wrong.StatusCode);
            Assert.True((await wrong.ReadJsonAsync()).GetProperty("errors").TryGetProperty("currentPassword", out _));
        }

        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.All(answers, status => Assert.Equal(HttpStatusCode.BadRequest, status));
        Assert.Equal(traveller.Email, me.GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, me.GetProperty("pendingEmail").ValueKind);
        Assert.Equal("Test", me.GetProperty("firstName").GetString()); // the rest of the form was not saved either
        Assert.Empty(await OutboxReader.ToAsync(portal.Cluster, wanted));
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.WebA.CreateClient().PostLoginAsync(traveller.Email, Travellers.Password)).StatusCode); // locked
    }

    [Fact]
    public async Task TheAddressChangesOnlyWhenTheLinkIsConfirmedOnceAndTheOldAddressIsTold()
    {
        var (traveller, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        var wanted = $"ny-{Guid.NewGuid():N}@example.se";

        using var asked = await client.PutAsJsonAsync("/api/me", Profile(wanted, Travellers.Password));
        var pending = await client.GetFromJsonAsync<JsonElement>("/api/me");
        var confirmation = Assert.Single(await OutboxReader.ToAsync(portal.Cluster, wanted));
        var notice = Assert.Single(await OutboxReader.ToAsync(portal.Cluster, traveller.Email));
        var link = new Uri(WebUtility.HtmlDecode(ConfirmLink().Match(confirmation.Body).Value));
        using var browser = portal.WebB.CreateClient(new() { AllowAutoRedirect = false });
        using var page = await browser.GetAsync(link.PathAndQuery);
        var stillOld = await client.GetFromJsonAsync<JsonElement>("/api/me");
        using var confirmed = await browser.PostAsync(link.PathAndQuery, PageForms.Form(await PageForms.TokenAsync(page),
            ("user", Query(link, "user")), ("token", Query(link, "token"))));
        using var again = await portal.WebA.CreateClient().PostAsJsonAsync("/api/auth/email-change/confirm",
            new { userId = Guid.Parse(Query(link, "user")), token = Query(link, "token") });

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal(traveller.Email, pending.GetProperty("email").GetString());
        Assert.Equal(wanted, pending.GetProperty("pendingEmail").GetString());
        Assert.Equal("http://localhost:8080", link.GetLeftPart(UriPartial.Authority));
        Assert.Equal("Byte av e-postadress begärt", notice.Subject);
        Assert.Contains(wanted, notice.Body, StringComparison.Ordinal);
        Assert.Equal(traveller.Email, stillOld.GetProperty("email").GetString()); // opening the link changes nothing
        Assert.Contains($"Din e-postadress är nu {wanted}", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("invalid-link", (await again.ReadJsonAsync()).GetProperty("type").GetString());
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal(wanted, me.GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, me.GetProperty("pendingEmail").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await portal.WebA.CreateClient().PostLoginAsync(wanted, Travellers.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.WebA.CreateClient().PostLoginAsync(traveller.Email, Travellers.Password)).StatusCode);
    }

    [Fact]
    public async Task AnAddressInUseIsNotRevealedWhenAskedAndOnlyOneOfTwoGetsIt()
    {
        var other = await Companies.CreateAsync(portal.Cluster.Client);
        var (_, first) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        var (_, second) = await Travellers.SignedInAsync(portal.Cluster, portal.WebB);
        var (_, third) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        var wanted = $"ny-{Guid.NewGuid():N}@example.se";

        using var taken = await third.PutAsJsonAsync("/api/me", Profile(other.AdminEmail, Travellers.Password));
        using var free = await first.PutAsJsonAsync("/api/me", Profile(wanted, Travellers.Password));
        using var same = await second.PutAsJsonAsync("/api/me", Profile(wanted, Travellers.Password));
        var links = (await OutboxReader.ToAsync(portal.Cluster, wanted)).Select(mail => new Uri(WebUtility.HtmlDecode(ConfirmLink().Match(mail.Body).Value))).ToList();
        var answers = await Task.WhenAll(links.Select(link => portal.WebA.CreateClient().PostAsJsonAsync("/api/auth/email-change/confirm",
            new { userId = Guid.Parse(Query(link, "user")), token = Query(link, "token") })));

        Assert.Equal(HttpStatusCode.OK, taken.StatusCode); // the other company's admin is not revealed
        Assert.Equal(HttpStatusCode.OK, free.StatusCode);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(2, links.Count);
        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], answers.Select(answer => answer.StatusCode).Order());
        Assert.Equal("email-in-use", (await answers.Single(answer => answer.StatusCode == HttpStatusCode.Conflict).ReadJsonAsync()).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, (await portal.WebA.CreateClient().PostLoginAsync(wanted, Travellers.Password)).StatusCode);
    }

    private static object Profile(string email, string? currentPassword) => new
    {
        firstName = "Ändrad",
        lastName = "Resenär",
        email,
        mobile = "070-655 56 11",
        notify = new { email = true, sms = false },
        currentPassword,
    };

    private static string Query(Uri link, string name) =>
        System.Web.HttpUtility.ParseQueryString(link.Query)[name] ?? throw new InvalidOperationException($"No {name} in {link}");

    [GeneratedRegex(@"http://localhost:8080/bekrafta-e-post\?user=[0-9a-f]{32}(&amp;|&)token=[A-Za-z0-9_\-]+")]
    private static partial Regex ConfirmLink();
}
