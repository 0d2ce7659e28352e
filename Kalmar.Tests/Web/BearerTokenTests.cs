using System.Net;
using Kalmar.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kalmar.Tests.Web;

/// <summary>A node remembers what a bearer token read as (<c>RememberedTokens</c>); what the token allows must not change by that.</summary>
[Collection(PortalCollection.Name)]
public sealed class BearerTokenTests(PortalFixture portal)
{
    [Fact]
    public async Task ARememberedTokenStillLapsesTwelveHoursAfterItWasIssued()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var web = new KalmarWebFactory(portal.Cluster, services: services => services.AddSingleton<TimeProvider>(clock));
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var phone = web.CreateClientWithToken(await web.CreateClient().LoginForTokenAsync(traveller.Email, Travellers.Password));

        using var fresh = await phone.GetAsync("/api/me");
        clock.Advance(TimeSpan.FromHours(12) - TimeSpan.FromMinutes(1));
        using var nearlyLapsed = await phone.GetAsync("/api/me");
        clock.Advance(TimeSpan.FromMinutes(2));
        using var lapsed = await phone.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.OK, nearlyLapsed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, lapsed.StatusCode);
    }

    [Fact]
    public async Task AnAlteredCopyOfARememberedTokenIsRefused()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        var token = await portal.WebA.CreateClient().LoginForTokenAsync(traveller.Email, Travellers.Password);
        using var phone = portal.WebA.CreateClientWithToken(token);
        using var altered = portal.WebA.CreateClientWithToken(token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1]);

        using var first = await phone.GetAsync("/api/me");
        using var forged = await altered.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }
}
