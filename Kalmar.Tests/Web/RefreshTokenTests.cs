using System.Net;
using System.Net.Http.Json;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Web;

[Collection(PortalCollection.Name)]
public sealed class RefreshTokenTests(PortalFixture portal)
{
    [Fact]
    public async Task RefreshGivesAWorkingTokenAndANewRefreshToken()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var login = await portal.WebA.CreateClient().PostLoginAsync(traveller.Email, Travellers.Password);
        var refreshToken = (await login.ReadJsonAsync()).GetProperty("refreshToken").GetString();

        using var refreshed = await portal.WebB.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken });

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var body = await refreshed.ReadJsonAsync();
        Assert.Equal(12 * 60 * 60, body.GetProperty("expiresIn").GetInt64());
        var newRefreshToken = body.GetProperty("refreshToken").GetString();
        Assert.False(string.IsNullOrEmpty(newRefreshToken));
        Assert.NotEqual(refreshToken, newRefreshToken);
        using var phone = portal.WebA.CreateClientWithToken(body.GetProperty("token").GetString()!);
        Assert.Equal(traveller.Email, (await phone.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me")).GetProperty("email").GetString());
        using var again = await portal.WebA.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = newRefreshToken });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task RefreshTokenOfAnotherSignInIsRefusedAfterAPasswordChangeWhileTheChangersGoesOn()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        var phone = await (await portal.WebA.CreateClient().PostLoginAsync(traveller.Email, Travellers.Password)).ReadJsonAsync();
        var laptop = await (await portal.WebA.CreateClient().PostLoginAsync(traveller.Email, Travellers.Password)).ReadJsonAsync();
        using var client = portal.WebA.CreateClientWithToken(laptop.GetProperty("token").GetString()!);
        using var changed = await client.PostAsJsonAsync("/api/me/password", new
        {
            currentPassword = Travellers.Password, newPassword = "Nytt-losenord-2026", confirmPassword = "Nytt-losenord-2026",
        });

        using var refreshed = await portal.WebB.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = phone.GetProperty("refreshToken").GetString() });
        using var changers = await portal.WebB.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = laptop.GetProperty("refreshToken").GetString() });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refreshed.StatusCode);
        Assert.Equal("invalid-refresh-token", (await refreshed.ReadJsonAsync()).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, changers.StatusCode);
    }

    [Theory]
    [InlineData("skräp")]
    [InlineData("")]
    [InlineData(null)]
    public async Task UnreadableRefreshTokenIsAnInvalidRefreshTokenProblem(string? refreshToken)
    {
        using var refreshed = await portal.WebA.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken });

        Assert.Equal(HttpStatusCode.Unauthorized, refreshed.StatusCode);
        Assert.Equal("application/problem+json", refreshed.Content.Headers.ContentType?.MediaType);
        var problem = await refreshed.ReadJsonAsync();
        Assert.Equal("invalid-refresh-token", problem.GetProperty("type").GetString());
        Assert.Equal("Logga in igen.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnAccessTokenIsNoRefreshToken()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        var token = await portal.WebA.CreateClient().LoginForTokenAsync(traveller.Email, Travellers.Password);

        using var refreshed = await portal.WebA.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = token });

        Assert.Equal(HttpStatusCode.Unauthorized, refreshed.StatusCode);
    }

    [Fact]
    public async Task BrowserWithThePortalCookieRefreshesWithoutAnAntiforgeryToken()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var browser = portal.WebA.CreateClient();
        using var login = await browser.PostLoginAsync(traveller.Email, Travellers.Password);
        var refreshToken = (await login.ReadJsonAsync()).GetProperty("refreshToken").GetString();

        using var refreshed = await browser.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
        using var logout = await browser.PostAsync("/api/auth/logout", null);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal("antiforgery", (await logout.ReadJsonAsync()).GetProperty("type").GetString());
    }
}
