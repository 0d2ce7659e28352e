using System.Net;
using System.Text.Json;
using Kalmar.Contracts.Notifications;
using Kalmar.Grains.Notifications;
using Kalmar.Tests.Fixtures;
using Kalmar.Web.Apis;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Kalmar.Tests.Notifications;

[Collection(PortalCollection.Name)]
public sealed class DevOutboxApiTests(PortalFixture portal)
{
    [Fact]
    public async Task OutboxJsonListsMessagesNewestFirstWithQueuedOnesUnsent()
    {
        var (older, newer) = await EnqueueTwoAsync();

        using var response = await portal.WebA.CreateClient().GetAsync("/dev/outbox.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = (await response.ReadJsonAsync()).EnumerateArray().ToArray();
        var newerAt = Array.FindIndex(entries, entry => entry.GetProperty("id").GetGuid() == newer.Id);
        var olderAt = Array.FindIndex(entries, entry => entry.GetProperty("id").GetGuid() == older.Id);
        Assert.InRange(newerAt, 0, olderAt - 1);
        var sms = entries[newerAt];
        Assert.Equal("sms", sms.GetProperty("channel").GetString());
        Assert.Equal(newer.To, sms.GetProperty("to").GetString());
        Assert.Equal(newer.Body, sms.GetProperty("body").GetString());
        Assert.False(sms.TryGetProperty("subject", out _));
        Assert.Equal(JsonValueKind.Null, sms.GetProperty("sentAt").ValueKind); // due far in the future, so still queued
        var email = entries[olderAt];
        Assert.Equal("email", email.GetProperty("channel").GetString());
        Assert.Equal(older.Subject, email.GetProperty("subject").GetString());
    }

    [Fact]
    public async Task SilosSendWhatIsEnqueuedAndTheOutboxShowsWhen()
    {
        await using var dataSource = NpgsqlDataSource.Create(portal.Cluster.ConnectionString);
        await using var outbox = await TableChanges.ListenAsync(portal.Cluster.ConnectionString, "outbox");
        var message = NotificationTemplates.PasswordReset(Guid.NewGuid(), "emmy@example.se", "https://portal.example/aterstall", Guid.NewGuid());
        await new NotificationOutbox(dataSource, TimeProvider.System).EnqueueAsync([message]);
        using var client = portal.WebA.CreateClient();

        var sentAt = await outbox.UntilAsync(
            async () =>
            {
                using var response = await client.GetAsync("/dev/outbox.json");
                var entry = (await response.ReadJsonAsync()).EnumerateArray().Single(entry => entry.GetProperty("id").GetGuid() == message.Id);
                return entry.GetProperty("sentAt") is { ValueKind: JsonValueKind.String } sent ? (DateTimeOffset?)sent.GetDateTimeOffset() : null;
            },
            "sentAt of the message in /dev/outbox.json");

        Assert.InRange(sentAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task OutboxPageShowsTheMessagesReadablyAndEncoded()
    {
        var (older, newer) = await EnqueueTwoAsync();

        using var response = await portal.WebA.CreateClient().GetAsync("/dev/outbox");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"sv\">", html, StringComparison.Ordinal);
        Assert.Contains(HtmlText.Encode(newer.Body), html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains(HtmlText.Encode(older.Subject!), html, StringComparison.Ordinal);
        Assert.Contains("I kö", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf(HtmlText.Encode(newer.Body), StringComparison.Ordinal) < html.IndexOf(HtmlText.Encode(older.Subject!), StringComparison.Ordinal));
    }

    [Fact]
    public async Task OutboxIsNotMappedInProduction()
    {
        Assert.False(DevOutboxApi.IsAvailableIn(new HostingEnvironment { EnvironmentName = Environments.Production }));
        Assert.True(DevOutboxApi.IsAvailableIn(new HostingEnvironment { EnvironmentName = Environments.Development }));
        // Production starts only with a real password, a public address (the test database trusts any password) and
        // the key ring's certificate.
        using var certificate = new KeyRingCertificateFile();
        await using var production = portal.WebA.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(Environments.Production)
                .UseSetting("ConnectionStrings:Kalmar", $"{portal.Cluster.ConnectionString};Password=Inte-utvecklingens-2026")
                .UseSetting("Portal:PublicBaseUrl", "https://foretag.example.se");
            foreach (var (key, value) in certificate.PemSettings)
            {
                builder.UseSetting(key, value);
            }
        });
        using var client = production.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dev/outbox.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dev/outbox")).StatusCode);
    }

    /// <summary>Two messages dated far ahead, so they top the list and no silo's dispatcher finds them due.</summary>
    private async Task<(OutgoingMessage Older, OutgoingMessage Newer)> EnqueueTwoAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(portal.Cluster.ConnectionString);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddYears(50));
        var outbox = new NotificationOutbox(dataSource, clock);
        var older = NotificationTemplates.PasswordReset(Guid.NewGuid(), "emmy@example.se", "https://portal.example/aterstall?t=<b>", Guid.NewGuid());
        await outbox.EnqueueAsync([older]);
        clock.Advance(TimeSpan.FromMinutes(1));
        var newer = NotificationTemplates.BusinessTravelGranted(Guid.NewGuid(), "+46706555611", $"emmy-{Guid.NewGuid():N}"[..12], "<b>583920</b>", 40000, "https://portal.example/app/", Guid.NewGuid());
        await outbox.EnqueueAsync([newer]);
        return (older, newer);
    }
}
