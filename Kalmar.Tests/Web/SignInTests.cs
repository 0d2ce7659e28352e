using System.Net;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Web;

[Collection(PortalCollection.Name)]
public sealed class SignInTests(PortalFixture portal)
{
    [Fact]
    public async Task RightPasswordGivesTokenCookieAndUser()
    {
        using var client = portal.WebA.CreateClient();

        using var response = await client.PostLoginAsync(Demo.Emmy, Demo.TravellerPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.False(string.IsNullOrEmpty(body.GetProperty("token").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refreshToken").GetString()));
        Assert.Equal(12 * 60 * 60, body.GetProperty("expiresIn").GetInt64());
        Assert.Equal("Emmy", body.GetProperty("user").GetProperty("firstName").GetString());
        Assert.Equal("Avdelning 21", body.GetProperty("user").GetProperty("department").GetProperty("name").GetString());
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("kalmar.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WrongPasswordAndUnknownEmailAnswerAlike()
    {
        using var client = portal.WebA.CreateClient();

        using var wrongPassword = await client.PostLoginAsync(Demo.Anna, "fel-lösenord");
        using var unknownEmail = await client.PostLoginAsync("ingen@example.se", Demo.AdminPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
        var first = await wrongPassword.ReadJsonAsync();
        var second = await unknownEmail.ReadJsonAsync();
        foreach (var field in new[] { "type", "title", "detail" })
        {
            Assert.Equal(first.GetProperty(field).GetString(), second.GetProperty(field).GetString());
        }

        Assert.Equal("application/problem+json", wrongPassword.Content.Headers.ContentType?.MediaType);
        Assert.False(wrongPassword.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task MissingFieldsAreAValidationProblem()
    {
        using var client = portal.WebA.CreateClient();

        using var response = await client.PostLoginAsync("", "");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    [Fact]
    public async Task RepeatedFailuresLockTheAccountEvenForTheRightPassword()
    {
        var email = $"spärr-{Guid.NewGuid():N}@example.se";
        await portal.Cluster.Client.GetGrain<IUserGrain>(Guid.NewGuid()).CreateAsync(new NewUser(
            "Lotta", "Låst", email, null, Silo.DemoData.DemoAccounts.ExempelAb, Silo.DemoData.DemoAccounts.Ekonomi,
            [Role.Traveller], [], "Rätt-lösenord-1"));
        using var client = portal.WebA.CreateClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await client.PostLoginAsync(email, "fel");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await client.PostLoginAsync(email, "Rätt-lösenord-1");
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
    }

    [Fact]
    public async Task TokenSignsInApiCallsOnEveryWebHost()
    {
        var token = await portal.WebA.CreateClient().LoginForTokenAsync(Demo.Dan, Demo.AdminPassword);
        using var onB = portal.WebB.CreateClientWithToken(token);

        using var me = await onB.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var body = await me.ReadJsonAsync();
        Assert.Equal("dan@example.se", body.GetProperty("email").GetString());
        Assert.Contains("department-admin", body.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
    }

    [Fact]
    public async Task ApiWithoutSignInIs401AndPageRedirectsToLogin()
    {
        using var client = portal.WebA.CreateClient(new() { AllowAutoRedirect = false });

        using var api = await client.GetAsync("/api/me");
        using var page = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/logga-in", page.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CookieFromLoginOpensStartsidaWithTheUsersName()
    {
        await Terms.AcceptAsync(portal.WebA, Demo.Emmy, Demo.TravellerPassword);
        using var client = portal.WebA.CreateClient();
        using var login = await client.PostLoginAsync(Demo.Emmy, Demo.TravellerPassword);

        var html = await client.GetStringAsync("/");

        Assert.Contains("Hej Emmy!", html, StringComparison.Ordinal);
        Assert.Contains("Emmy Nilsson", html, StringComparison.Ordinal);
        Assert.Contains("Dina aktiva biljetter", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HubRefusesAnUnauthenticatedConnectionAndTakesTheTokenFromTheQuery()
    {
        using var client = portal.WebA.CreateClient();
        var token = await client.LoginForTokenAsync(Demo.Emmy, Demo.TravellerPassword);
        using var anonymous = portal.WebA.CreateClient();

        using var refused = await anonymous.PostAsync("/hubs/live/negotiate?negotiateVersion=1", null);
        using var accepted = await anonymous.PostAsync($"/hubs/live/negotiate?negotiateVersion=1&access_token={Uri.EscapeDataString(token)}", null);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }
}
