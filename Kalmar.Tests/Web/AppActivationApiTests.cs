using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Web;

/// <summary>The app's activation: the SMS a grant sends, its user name and one-time code, and "Skicka ny kod".</summary>
[Collection(PortalCollection.Name)]
public sealed class AppActivationApiTests(PortalFixture portal)
{
    [Fact]
    public async Task GrantSendsTheSmsAndItsCodeActivatesTheAppOnce()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var anna = await portal.WebA.SignedInAdminAsync(Demo.Anna);

        using var granted = await anna.PutGrantAsync(traveller.Id, enabled: true, monthlyLimitOre: 40000);
        var (username, code) = await OutboxReader.NewestActivationAsync(portal.Cluster, Travellers.Mobile);
        using var app = portal.WebB.CreateClient();
        using var activated = await app.ActivateAsync(username, code);
        using var reused = await app.ActivateAsync(username, code);

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

    [Fact]
    public async Task AppTokenOfAnAdminReachesTheTravellersRoutesOnlyEvenAfterRefresh()
    {
        var adminId = Guid.NewGuid();
        var email = $"avdelningsadmin-{adminId:N}@example.se";
        await portal.Cluster.Client.GetGrain<IUserGrain>(adminId).CreateAsync(new NewUser(
            "Test", "Admin", email, Travellers.Mobile, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21,
            [Role.Traveller, Role.DepartmentAdmin], [DemoAccounts.Avdelning21], Travellers.Password));
        using var anna = await portal.WebA.SignedInAdminAsync(Demo.Anna);
        var (username, code) = await portal.Cluster.GrantForActivationAsync(anna, adminId, 40000);
        using var activated = await portal.WebA.CreateClient().ActivateAsync(username, code);
        var appTokens = await activated.ReadJsonAsync();
        using var phone = portal.WebA.CreateClientWithToken(appTokens.GetProperty("token").GetString()!);
        using var refreshed = await portal.WebA.CreateClient().PostAsJsonAsync(
            "/api/auth/refresh", new { refreshToken = appTokens.GetProperty("refreshToken").GetString() });
        using var refreshedPhone = portal.WebA.CreateClientWithToken((await refreshed.ReadJsonAsync()).GetProperty("token").GetString()!);
        using var portalSignIn = portal.WebA.CreateClientWithToken(await portal.WebA.CreateClient().LoginForTokenAsync(email, Travellers.Password));

        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/api/app/credit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await phone.GetAsync("/api/admin/approvals")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await refreshedPhone.GetAsync("/api/admin/approvals")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await portalSignIn.GetAsync("/api/admin/approvals")).StatusCode);
    }

    [Theory]
    [InlineData("lower")]
    [InlineData("upper")]
    public async Task UsernameActivatesWhateverItsCase(string variant)
    {
        var (username, code) = await GrantedActivationAsync();
        var typed = variant == "lower" ? $" {username.ToLowerInvariant()} " : username.ToUpperInvariant();

        using var activated = await portal.WebA.CreateClient().ActivateAsync(typed, code);

        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
    }

    [Fact]
    public async Task SixthAttemptAfterFiveWrongCodesIsTooManyEvenWithTheRightCode()
    {
        var (username, code) = await GrantedActivationAsync();
        using var app = portal.WebA.CreateClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await app.ActivateAsync(username, code == "000000" ? "111111" : "000000");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var sixth = await app.ActivateAsync(username, code);
        Assert.Equal((HttpStatusCode)429, sixth.StatusCode);
        Assert.Equal("too-many-attempts", (await sixth.ReadJsonAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task ANameWeNeverIssuedIsRefusedLikeAWrongCode()
    {
        using var app = portal.WebA.CreateClient();

        using var refused = await app.ActivateAsync("klt-" + new string('Ö', 500), "123456");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("invalid-code", (await refused.ReadJsonAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task ANewLimitOnAStandingGrantSendsNoSmsWhileSkickaNyKodReplacesTheCode()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var anna = await portal.WebA.SignedInAdminAsync(Demo.Anna);
        using var notGranted = await anna.PostAsync($"/api/admin/travellers/{traveller.Id}/business-travel/code", null);
        var (firstName, firstCode) = await portal.Cluster.GrantForActivationAsync(anna, traveller.Id, 40000);
        var messagesAfterGrant = (await OutboxReader.ToAsync(portal.Cluster, Travellers.Mobile)).Count;

        using var raised = await anna.PutGrantAsync(traveller.Id, enabled: true, monthlyLimitOre: 60000);
        var messagesAfterRaise = (await OutboxReader.ToAsync(portal.Cluster, Travellers.Mobile)).Count;
        using var newCode = await anna.PostAsync($"/api/admin/travellers/{traveller.Id}/business-travel/code", null);
        var (secondName, secondCode) = await OutboxReader.NewestActivationAsync(portal.Cluster, Travellers.Mobile);
        using var app = portal.WebA.CreateClient();
        using var withOldCode = await app.ActivateAsync(firstName, firstCode);
        using var withNewCode = await app.ActivateAsync(secondName, secondCode);

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

    /// <summary>A fresh traveller granted business travel by Anna: the user name and code of the SMS.</summary>
    private async Task<(string Username, string Code)> GrantedActivationAsync()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var anna = await portal.WebA.SignedInAdminAsync(Demo.Anna);
        return await portal.Cluster.GrantForActivationAsync(anna, traveller.Id, 40000);
    }
}
