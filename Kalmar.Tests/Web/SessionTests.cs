using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kalmar.Tests.Fixtures;
using Kalmar.Web.Hubs;

namespace Kalmar.Tests.Web;

/// <summary>Issue 16, item 4: server-side sessions that logout, a password change, a reused refresh token and Mina enheter end.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class SessionTests(PortalFixture portal)
{
    [Fact]
    public async Task ACookieCopiedBeforeLogoutIsRefusedAfterIt()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        await Terms.AcceptAsync(portal.WebA, traveller.Email, Travellers.Password);
        using var browser = portal.WebA.CreateClient(new() { AllowAutoRedirect = false });
        var loginForm = await PageForms.TokenAsync(await browser.GetAsync("/logga-in"));
        using var login = await browser.PostAsync("/logga-in", PageForms.Form(loginForm, ("email", traveller.Email), ("password", Travellers.Password)));
        using var copy = ClientWithCookie(portal.WebB, AuthCookie(login));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/me")).StatusCode);
        var logoutForm = await PageForms.TokenAsync(await browser.GetAsync("/min-profil"));

        using var logout = await browser.PostAsync("/logga-ut", PageForms.Form(logoutForm));
        using var api = await copy.GetAsync("/api/me");
        using var page = await copy.GetAsync("/min-profil");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Contains(api.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("kalmar.auth=;", StringComparison.Ordinal)); // forget it
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/logga-in", page.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogoutWithTheTokenEndsTheTokensAndTheCookieOfThatSignIn()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var login = await portal.WebA.CreateClient().PostLoginAsync(traveller.Email, Travellers.Password);
        var body = await login.ReadJsonAsync();
        using var phone = portal.WebA.CreateClientWithToken(body.GetProperty("token").GetString()!);
        using var cookie = ClientWithCookie(portal.WebB, AuthCookie(login));

        using var logout = await phone.PostAsync("/api/auth/logout", null);
        using var refreshed = await portal.WebB.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = body.GetProperty("refreshToken").GetString() });

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refreshed.StatusCode);
    }

    [Fact]
    public async Task ARefreshTokenUsedTwiceEndsTheSignInAndItsSuccessorToo()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        var login = await (await portal.WebA.CreateClient().PostLoginAsync(traveller.Email, Travellers.Password)).ReadJsonAsync();
        var first = login.GetProperty("refreshToken").GetString();
        var rotated = await (await portal.WebA.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first })).ReadJsonAsync();
        using var renewed = portal.WebA.CreateClientWithToken(rotated.GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync("/api/me")).StatusCode);

        using var reused = await portal.WebB.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first });
        using var successor = await portal.WebA.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = rotated.GetProperty("refreshToken").GetString() });

        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        Assert.Equal("invalid-refresh-token", (await reused.ReadJsonAsync()).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, successor.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await renewed.GetAsync("/api/me")).StatusCode);
        using var original = portal.WebB.CreateClientWithToken(login.GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await original.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task APasswordChangeEndsTheOtherSessionsAndClosesTheirHubConnectionsButNotTheCurrent()
    {
        var (traveller, current) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        var otherToken = await portal.WebB.CreateClient().LoginForTokenAsync(traveller.Email, Travellers.Password);
        using var other = portal.WebB.CreateClientWithToken(otherToken);
        await using var otherLive = await LiveClient.ConnectAsync(portal.WebB, otherToken, LiveEvents.SessionEnded);
        await using var currentLive = await LiveClient.ConnectAsync(portal.WebA, current.DefaultRequestHeaders.Authorization!.Parameter!, LiveEvents.SessionEnded);

        using var changed = await current.PostAsJsonAsync("/api/me/password", new
        {
            currentPassword = Travellers.Password, newPassword = "Nytt-losenord-2026", confirmPassword = "Nytt-losenord-2026",
        });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await current.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/me")).StatusCode);
        Assert.Equal("Du har loggats ut.", (await otherLive.WaitForAsync(LiveEvents.SessionEnded)).GetProperty("message").GetString());
        await otherLive.Closed.WithinPatienceAsync("The other session's hub connection closing");
        Assert.False(currentLive.Closed.IsCompleted);
        Assert.Empty(currentLive.Received(LiveEvents.SessionEnded));
        Assert.Single((await current.GetFromJsonAsync<JsonElement>("/api/me/sessions")).EnumerateArray());
    }

    [Fact]
    public async Task MinaEnheterListsTheSessionsAndSignsOneOutClosingItsHubConnection()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        var phoneToken = await portal.WebA.CreateClient().LoginForTokenAsync(traveller.Email, Travellers.Password);
        using var laptop = portal.WebB.CreateClient();
        laptop.DefaultRequestHeaders.UserAgent.ParseAdd("Testwebblasare/1.0");
        var laptopToken = await laptop.LoginForTokenAsync(traveller.Email, Travellers.Password);
        laptop.DefaultRequestHeaders.Authorization = new("Bearer", laptopToken);
        await using var phoneLive = await LiveClient.ConnectAsync(portal.WebA, phoneToken, LiveEvents.SessionEnded);

        var sessions = (await laptop.GetFromJsonAsync<JsonElement>("/api/me/sessions")).EnumerateArray().ToList();
        var mine = Assert.Single(sessions, session => session.GetProperty("current").GetBoolean());
        var phone = Assert.Single(sessions, session => !session.GetProperty("current").GetBoolean());
        using var ended = await laptop.DeleteAsync($"/api/me/sessions/{phone.GetProperty("id").GetGuid()}");

        Assert.Equal(2, sessions.Count);
        Assert.Equal("Testwebblasare/1.0", mine.GetProperty("userAgent").GetString());
        Assert.Equal("app", phone.GetProperty("kind").GetString());
        Assert.True(phone.GetProperty("lastSeenAt").GetDateTimeOffset() >= phone.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        await phoneLive.WaitForAsync(LiveEvents.SessionEnded);
        await phoneLive.Closed.WithinPatienceAsync("The signed-out phone's hub connection closing");
        using var phoneApi = portal.WebA.CreateClientWithToken(phoneToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phoneApi.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/me")).StatusCode);
        Assert.Single((await laptop.GetFromJsonAsync<JsonElement>("/api/me/sessions")).EnumerateArray());
    }

    [Fact]
    public async Task AnotherUsersSessionIsNotFoundAndStaysOpen()
    {
        var (_, owner) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        var (_, stranger) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        var ownersSession = (await owner.GetFromJsonAsync<JsonElement>("/api/me/sessions"))[0].GetProperty("id").GetGuid();

        using var theirs = await stranger.DeleteAsync($"/api/me/sessions/{ownersSession}");
        using var unknown = await stranger.DeleteAsync($"/api/me/sessions/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task MinaEnheterOnTheProfilePageSignsAnotherDeviceOut()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        await Terms.AcceptAsync(portal.WebA, traveller.Email, Travellers.Password); // a session of its own, ended below
        using var browser = portal.WebA.CreateClient(new() { AllowAutoRedirect = false });
        (await browser.PostLoginAsync(traveller.Email, Travellers.Password)).EnsureSuccessStatusCode();
        var phoneToken = await portal.WebB.CreateClient().LoginForTokenAsync(traveller.Email, Travellers.Password);
        using var phone = portal.WebB.CreateClientWithToken(phoneToken);
        var phoneSession = (await phone.GetFromJsonAsync<JsonElement>("/api/me/sessions")).EnumerateArray()
            .Single(session => session.GetProperty("current").GetBoolean()).GetProperty("id").GetGuid();
        using var page = await browser.GetAsync("/min-profil");
        var html = await page.Content.ReadAsStringAsync();

        using var signedOut = await browser.PostAsync("/min-profil?handler=EndSession",
            PageForms.Form(await PageForms.TokenAsync(page), ("sessionId", phoneSession.ToString())));
        var after = await (await browser.GetAsync("/min-profil")).Content.ReadAsStringAsync();

        Assert.Contains("Mina enheter", html, StringComparison.Ordinal);
        Assert.Contains("Den här enheten", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{phoneSession}\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/me")).StatusCode);
        Assert.Contains("Enheten är utloggad.", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{phoneSession}\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APasswordResetEndsEverySessionAndClosesItsHubConnections()
    {
        var (traveller, client) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        await using var live = await LiveClient.ConnectAsync(portal.WebB, client.DefaultRequestHeaders.Authorization!.Parameter!, LiveEvents.SessionEnded);
        using var anonymous = portal.WebA.CreateClient();
        var mail = await OutboxReader.AfterAsync(portal.Cluster, traveller.Email,
            () => anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = traveller.Email }));
        var link = ResetLink().Match(mail.Body);

        using var reset = await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm", new
        {
            userId = Guid.Parse(link.Groups["user"].Value), token = link.Groups["token"].Value,
            newPassword = "Aterstallt-2026", confirmPassword = "Aterstallt-2026",
        });

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        await live.Closed.WithinPatienceAsync("The hub connection of a session the reset ended closing");
    }

    /// <summary>The <c>kalmar.auth=…</c> pair the response set, as a browser would send it back.</summary>
    private static string AuthCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(cookie => cookie.StartsWith("kalmar.auth=", StringComparison.Ordinal)).Split(';')[0];

    /// <summary>A client that sends exactly <paramref name="cookie"/> and keeps nothing: a stolen copy of it.</summary>
    private static HttpClient ClientWithCookie(KalmarWebFactory web, string cookie)
    {
        var client = web.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    [GeneratedRegex(@"user=(?<user>[0-9a-f]{32})&(amp;)?token=(?<token>[A-Za-z0-9_\-]+)")]
    private static partial Regex ResetLink();
}
