using System.Net;
using Kalmar.Contracts.Hosting;
using Kalmar.Silo.Extensions;
using Kalmar.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Kalmar.Tests.Web;

public sealed class HealthTests
{
    /// <summary>How soon a node without a silo must say so: its health check gives up on the cluster after 3 s.</summary>
    private static readonly TimeSpan FewSeconds = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ReadyFollowsTheDatabaseWhileLiveStaysUp()
    {
        await using var server = await PostgresServer.StartAsync();
        await using var cluster = await KalmarCluster.StartAsync(await server.CreateDatabaseAsync(), demoData: false);
        await using var web = new KalmarWebFactory(cluster);
        using var client = web.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        await server.StopAsync();
        var whileDown = await client.GetAsync("/health/ready");
        var liveWhileDown = await client.GetAsync("/health/live");
        await server.StartAgainAsync();
        var afterRestart = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileDown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, liveWhileDown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterRestart.StatusCode);
    }

    /// <summary>
    /// A web node started while no silo runs (the database has its schema: the system ran before) is not ready: it does not
    /// listen until it has joined the cluster, so a proxy passes it over (a node that answered 503 meanwhile would be sent
    /// requests by a proxy without health checks). Once joined it is ready.
    /// </summary>
    [Fact]
    public async Task NotReadyBeforeTheNodeHasJoinedTheCluster()
    {
        var connectionString = await (await PostgresServer.Shared).CreateDatabaseAsync();
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        }

        var clusterId = $"ready-{Guid.NewGuid():N}";
        await using var web = new KalmarWebFactory(connectionString, clusterId, ClusterSettings.DefaultServiceId);
        var port = FreePorts.Next();
        web.UseKestrel(port);
        // The host's start waits for the Orleans client, which keeps trying until a silo of its cluster answers.
        var joining = Task.Run(web.StartServer);
        using var http = new HttpClient { BaseAddress = new Uri($"http://localhost:{port}") };
        var beforeCluster = await Record.ExceptionAsync(() => http.GetAsync("/health/ready"));
        var stillJoining = !joining.IsCompleted;

        await using var cluster = await KalmarCluster.StartAsync(connectionString, demoData: false, serviceId: ClusterSettings.DefaultServiceId, clusterId: clusterId);
        await joining.WithinPatienceAsync("the web node joining the cluster");
        using var joined = await http.GetAsync("/health/ready");

        Assert.True(stillJoining, "The node started without a cluster.");
        Assert.IsType<HttpRequestException>(beforeCluster);
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        Assert.Equal("Healthy", await joined.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// With its only silo gone the node is not ready within seconds (its calls find no gateway), so a proxy stops sending
    /// it requests, and it is ready again once a silo is back. (Seen ready for 30 s in a test that killed the cluster's
    /// <c>Primary</c>: with the cluster table in PostgreSQL a test cluster has none, and that kill stopped nothing.)
    /// </summary>
    [Fact]
    public async Task NotReadyWithinSecondsOfLosingItsOnlySiloAndReadyAgainWhenOneIsBack()
    {
        await using var cluster = await KalmarCluster.StartAsync(
            await (await PostgresServer.Shared).CreateDatabaseAsync(), demoData: false, settings: KalmarCluster.QuickFailureDetection);
        await using var web = new KalmarWebFactory(cluster);
        using var client = web.CreateClient();
        var before = await client.StatusOfAsync("/health/ready");

        await cluster.Cluster.KillSiloAsync(cluster.Cluster.Silos.Single());
        await Waits.UntilAsync(async () => await client.StatusOfAsync("/health/ready") == HttpStatusCode.ServiceUnavailable, "503 from /health/ready", FewSeconds);
        await cluster.Cluster.StartAdditionalSiloAsync();
        await Waits.UntilAsync(async () => await client.StatusOfAsync("/health/ready") == HttpStatusCode.OK, "200 from /health/ready with a silo back");

        Assert.Equal(HttpStatusCode.OK, before);
    }

    [Fact]
    public async Task ReadyIsDegradedByAnOldUnsentMessageAndByTooFewSilos()
    {
        await using var cluster = await KalmarCluster.StartAsync(await (await PostgresServer.Shared).CreateDatabaseAsync(), demoData: false);
        await using var web = new KalmarWebFactory(cluster);
        await using var wantsTwoSilos = new KalmarWebFactory(cluster, new Dictionary<string, string> { ["Cluster:MinimumSilos"] = "2" });
        using var client = web.CreateClient();
        var before = await client.GetStringAsync("/health/ready");

        await using var dataSource = NpgsqlDataSource.Create(cluster.ConnectionString);
        // Two minutes old and not due again for a day, so no dispatcher sends it while the test looks.
        await using (var stuck = dataSource.CreateCommand(
            """
            insert into outbox (id, channel, recipient, subject, body, created_at, next_attempt_at, attempts, last_error)
            values (gen_random_uuid(), 'email', 'fast@example.se', 'Fast', 'Fast', now() - interval '2 minutes', now() + interval '1 day', 3, 'refused')
            """))
        {
            await stuck.ExecuteNonQueryAsync();
        }

        using var degraded = await client.GetAsync("/health/ready");
        await using (var sent = dataSource.CreateCommand("update outbox set sent_at = now()"))
        {
            await sent.ExecuteNonQueryAsync();
        }

        var afterSending = await client.GetStringAsync("/health/ready");
        using var withOneSilo = await wantsTwoSilos.CreateClient().GetAsync("/health/ready");

        Assert.Equal("Healthy", before);
        Assert.Equal(HttpStatusCode.OK, degraded.StatusCode); // degraded still serves
        Assert.Equal("Degraded", await degraded.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", afterSending);
        Assert.Equal(HttpStatusCode.OK, withOneSilo.StatusCode);
        Assert.Equal("Degraded", await withOneSilo.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheApi()
    {
        await using var cluster = await KalmarCluster.StartAsync(await (await PostgresServer.Shared).CreateDatabaseAsync(), demoData: false);
        await using var web = new KalmarWebFactory(cluster);

        var document = await web.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/auth/login", document, StringComparison.Ordinal);
        Assert.Contains("/api/me", document, StringComparison.Ordinal);
    }
}
