using System.Net;
using Kalmar.Contracts.Model;
using Kalmar.Tests.Fixtures;
using Kalmar.Web.Hubs;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

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

    /// <summary>
    /// Issue 16, finding 4: a session that runs out while its pages and app only listen (no request) has its hub
    /// connections told and closed, by the web node on its own; a cookie of an app session goes by the portal's limits
    /// while the app's token connection of that session stays until the app session's own end.
    /// </summary>
    [Fact]
    public async Task ASessionThatRunsOutQuietlyHasItsHubConnectionsToldAndClosed()
    {
        await using var cluster = await KalmarCluster.StartAsync(await (await PostgresServer.Shared).CreateDatabaseAsync(), fakeClock: true);
        await using var web = new KalmarWebFactory(cluster);
        var portalCookies = new CookieContainer();
        var portal = await SignedInBrowserAsync(web, await Travellers.CreateAsync(cluster.Client), portalCookies);
        var appCookies = new CookieContainer();
        var app = web.CreateDefaultClient(new CookieContainerHandler(appCookies));
        var appTraveller = await Travellers.CreateAsync(cluster.Client);
        var token = await app.LoginForTokenAsync(appTraveller.Email, Travellers.Password); // the API's sign-in also sets a cookie
        await using var portalLive = await LiveClient.ConnectWithCookieAsync(web, portalCookies.GetCookieHeader(web.Server.BaseAddress), LiveEvents.SessionEnded);
        await using var appCookieLive = await LiveClient.ConnectWithCookieAsync(web, appCookies.GetCookieHeader(web.Server.BaseAddress), LiveEvents.SessionEnded);
        await using var appLive = await LiveClient.ConnectAsync(web, token, LiveEvents.SessionEnded);

        TestClock.Instance.Advance(SessionLifetimes.PortalIdle + TimeSpan.FromMinutes(1));
        await portalLive.WaitForAsync(LiveEvents.SessionEnded);
        await appCookieLive.WaitForAsync(LiveEvents.SessionEnded);
        await portalLive.Closed.WithinPatienceAsync("The idle portal session's connection closing");
        await appCookieLive.Closed.WithinPatienceAsync("The idle app cookie's connection closing");

        Assert.True(await appLive.AnswersAsync());
        Assert.Empty(appLive.Received(LiveEvents.SessionEnded));
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.GetAsync("/api/me")).StatusCode);
        TestClock.Instance.Advance(SessionLifetimes.App);
        await appLive.WaitForAsync(LiveEvents.SessionEnded);
        await appLive.Closed.WithinPatienceAsync("The expired app session's connection closing");
        Assert.Equal(HttpStatusCode.Unauthorized, (await web.CreateClientWithToken(token).GetAsync("/api/me")).StatusCode);
    }

    /// <summary>Signed in on the portal's login page, as a browser (a portal session in the cookie).</summary>
    private static async Task<HttpClient> SignedInBrowserAsync(KalmarWebFactory web, Travellers.Traveller traveller, CookieContainer? cookies = null)
    {
        var browser = cookies is null
            ? web.CreateClient(new() { AllowAutoRedirect = false })
            : web.CreateDefaultClient(new CookieContainerHandler(cookies));
        var form = await PageForms.TokenAsync(await browser.GetAsync("/logga-in"));
        using var login = await browser.PostAsync("/logga-in", PageForms.Form(form, ("email", traveller.Email), ("password", Travellers.Password)));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me")).StatusCode);
        return browser;
    }
}
