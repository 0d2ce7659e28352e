using System.Net.Http.Json;
using System.Net;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;
using Kalmar.Web.Extensions;
using Kalmar.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Kalmar.Tests.Web;

/// <summary>Each limit answers 429 with Retry-After and Swedish Problem Details once its window is used up.</summary>
[Collection(PortalCollection.Name)]
public sealed class RateLimitTests(PortalFixture portal)
{
    [Fact]
    public async Task SignInAttemptsFromOneAddressAreLimited()
    {
        await using var web = WithLimit(nameof(RateLimitOptions.SignInPerMinute), 3);
        using var client = web.CreateClient();

        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var response = await client.PostLoginAsync(Demo.Emmy, "fel-lösenord");
            answers.Add(response.StatusCode);
        }

        using var limited = await client.PostLoginAsync(Demo.Emmy, Demo.TravellerPassword);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], answers);
        await AssertLimitedAsync(limited);
    }

    [Fact]
    public async Task PasswordResetRequestsAreLimited()
    {
        await using var web = WithLimit(nameof(RateLimitOptions.PasswordResetPerHour), 2);
        using var client = web.CreateClient();
        for (var request = 0; request < 2; request++)
        {
            using var accepted = await client.PostAsJsonAsync("/api/auth/password-reset", new { email = $"okand-{request}@example.se" });
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        await AssertLimitedAsync(await client.PostAsJsonAsync("/api/auth/password-reset", new { email = "okand-3@example.se" }));
    }

    [Fact]
    public async Task InvitationsToOneTravellerAreLimitedButNotToOthers()
    {
        await using var web = WithLimit(nameof(RateLimitOptions.MessagesPerRecipientPerHour), 1);
        using var anna = await web.SignedInAdminAsync(Demo.Anna);
        var first = await AddInvitedAsync(anna);
        var second = await AddInvitedAsync(anna);

        using var once = await anna.PostAsync($"/api/admin/travellers/{first}/invitation", null);
        using var twice = await anna.PostAsync($"/api/admin/travellers/{first}/invitation", null);
        using var other = await anna.PostAsync($"/api/admin/travellers/{second}/invitation", null);

        Assert.Equal(HttpStatusCode.OK, once.StatusCode);
        await AssertLimitedAsync(twice);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task NewAppCodesToOneTravellerAreLimited()
    {
        await using var web = WithLimit(nameof(RateLimitOptions.MessagesPerRecipientPerHour), 1);
        using var anna = await web.SignedInAdminAsync(Demo.Anna);
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        await anna.GrantAsync(traveller.Id);

        using var once = await anna.PostAsync($"/api/admin/travellers/{traveller.Id}/business-travel/code", null);
        using var twice = await anna.PostAsync($"/api/admin/travellers/{traveller.Id}/business-travel/code", null);

        Assert.Equal(HttpStatusCode.OK, once.StatusCode);
        await AssertLimitedAsync(twice);
    }

    [Fact]
    public async Task AUsersHubConnectionsAreLimitedWhileTheOpenOnesKeepWorking()
    {
        await using var web = WithLimit(nameof(RateLimitOptions.HubConnectionsPerUser), 2);
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        var token = await web.CreateClient().LoginForTokenAsync(traveller.Email, Travellers.Password);
        await using var first = await LiveClient.ConnectAsync(web, token);
        await using var second = await LiveClient.ConnectAsync(web, token);

        var third = await Record.ExceptionAsync(async () => await (await LiveClient.ConnectAsync(web, token)).DisposeAsync());

        Assert.NotNull(third);
        Assert.True(await first.AnswersAsync());
        Assert.True(await second.AnswersAsync());
    }

    [Fact]
    public async Task TheApiIsLimitedPerUser()
    {
        await using var web = WithLimit(nameof(RateLimitOptions.ApiPerMinute), 5);
        var (_, traveller) = await Travellers.SignedInAsync(portal.Cluster, web);

        var answers = new List<HttpStatusCode>();
        for (var call = 0; call < 5; call++)
        {
            using var response = await traveller.GetAsync("/api/me");
            answers.Add(response.StatusCode);
        }

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        await AssertLimitedAsync(await traveller.GetAsync("/api/me"));
    }

    /// <summary>
    /// X-Forwarded-For is believed only from a proxy of <c>Proxy:KnownNetworks</c>: a client that makes up a new address
    /// for every sign-in stays one address to the limit, unless it really is a known proxy passing its clients' addresses.
    /// </summary>
    [Fact]
    public async Task AForwardedAddressIsBelievedOnlyFromAKnownProxy()
    {
        var fromAnyone = await SignInsWithMadeUpAddressesAsync(knownNetwork: null);
        var fromKnownProxy = await SignInsWithMadeUpAddressesAsync(knownNetwork: "203.0.113.0/24");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], fromAnyone);
        Assert.All(fromKnownProxy, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
    }

    /// <summary>Four sign-ins from 203.0.113.7, each naming another client address, with a limit of three a minute.</summary>
    private async Task<List<HttpStatusCode>> SignInsWithMadeUpAddressesAsync(string? knownNetwork)
    {
        var settings = new Dictionary<string, string> { [$"{RateLimitOptions.Section}:{nameof(RateLimitOptions.SignInPerMinute)}"] = "3" };
        if (knownNetwork is not null)
        {
            settings[$"{ProxyExtensions.KnownNetworksKey}:0"] = knownNetwork;
        }

        await using var web = new KalmarWebFactory(portal.Cluster, settings, services => services.AddTransient<IStartupFilter, FromAddress>());
        using var client = web.CreateClient();
        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            client.DefaultRequestHeaders.Remove("X-Forwarded-For");
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{attempt + 1}");
            using var response = await client.PostLoginAsync($"okand-{Guid.NewGuid():N}@example.se", "fel-lösenord");
            answers.Add(response.StatusCode);
        }

        return answers;
    }

    /// <summary>Every request arrives from 203.0.113.7 (the test server gives none), before the app's own middleware.</summary>
    private sealed class FromAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, rest) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
                return rest(context);
            });
            next(app);
        };
    }

    private KalmarWebFactory WithLimit(string limit, int value) => new(portal.Cluster, new Dictionary<string, string>
    {
        [$"{RateLimitOptions.Section}:{limit}"] = value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private static async Task<Guid> AddInvitedAsync(HttpClient admin)
    {
        using var added = await admin.PostAsJsonAsync("/api/admin/travellers", new
        {
            firstName = "Ny", lastName = "Resenär", email = $"ny-{Guid.NewGuid():N}@example.se", mobile = "0701234567", departmentId = DemoAccounts.Avdelning21,
        });
        return (await added.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task AssertLimitedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var problem = await response.ReadJsonAsync();
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.True(response.Headers.RetryAfter is not null, "Retry-After is missing.");
            Assert.Equal("too-many-requests", problem.GetProperty("type").GetString());
            Assert.Equal("För många försök", problem.GetProperty("title").GetString());
        }
    }
}
