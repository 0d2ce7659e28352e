using System.Net;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Web;

/// <summary>The portal's session limits, told by the business clock: 30 idle minutes, 12 hours however busy.</summary>
public sealed class SessionIdleTests
{
    [Fact]
    public async Task APortalSessionEndsAfterThirtyIdleMinutesAndAfterTwelveHoursOfUse()
    {
        await using var cluster = await KalmarCluster.StartAsync(await (await PostgresServer.Shared).CreateDatabaseAsync(), fakeClock: true);
        await using var web = new KalmarWebFactory(cluster);
        var idle = await SignedInBrowserAsync(web, await Travellers.CreateAsync(cluster.Client));
        var busy = await SignedInBrowserAsync(web, await Travellers.CreateAsync(cluster.Client));

        TestClock.Instance.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await idle.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/me")).StatusCode);
        TestClock.Instance.Advance(TimeSpan.FromMinutes(25));
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/me")).StatusCode);
        TestClock.Instance.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.Unauthorized, (await idle.GetAsync("/api/me")).StatusCode); // 31 minutes unused
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/me")).StatusCode);

        var step = TimeSpan.FromMinutes(25);
        var elapsed = TimeSpan.FromMinutes(60);
        for (; elapsed + step < TimeSpan.FromHours(12); elapsed += step)
        {
            TestClock.Instance.Advance(step);
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/me")).StatusCode);
        }

        TestClock.Instance.Advance(TimeSpan.FromHours(12) - elapsed);
        Assert.Equal(HttpStatusCode.Unauthorized, (await busy.GetAsync("/api/me")).StatusCode); // used minutes ago, signed in 12 hours ago
    }

    /// <summary>Signed in on the portal's login page, as a browser (a portal session in the cookie).</summary>
    private static async Task<HttpClient> SignedInBrowserAsync(KalmarWebFactory web, Travellers.Traveller traveller)
    {
        var browser = web.CreateClient(new() { AllowAutoRedirect = false });
        var form = await PageForms.TokenAsync(await browser.GetAsync("/logga-in"));
        using var login = await browser.PostAsync("/logga-in", PageForms.Form(form, ("email", traveller.Email), ("password", Travellers.Password)));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me")).StatusCode);
        return browser;
    }
}
