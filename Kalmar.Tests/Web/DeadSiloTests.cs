using System.Diagnostics;
using System.Net;
using Kalmar.Contracts.Abstractions;
using Kalmar.Tests.Fixtures;
using Npgsql;
using Xunit.Abstractions;

namespace Kalmar.Tests.Web;

/// <summary>
/// A purchase whose silo dies under it: the web node answers within seconds with 503, <c>Retry-After</c> and Problem
/// Details saying the outcome is unknown, not after Orleans' 30 s with a 500; the same key asked again charges once.
/// A cluster of its own, since it kills one of its silos.
/// </summary>
public sealed class DeadSiloTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Half of Orleans' own response timeout, which the web node used to wait out: an answer is well inside it.</summary>
    private static readonly TimeSpan FewSeconds = TimeSpan.FromSeconds(15);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private KalmarCluster _cluster = null!;
    private KalmarWebFactory _web = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await (await PostgresServer.Shared).CreateDatabaseAsync();
        _cluster = await KalmarCluster.StartAsync(connectionString, silos: 2, settings: KalmarCluster.QuickFailureDetection);
        _web = new KalmarWebFactory(_cluster);
        _ = _web.Server;
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task APurchaseWhoseSiloDiesAnswers503WithinSecondsAndItsRetryChargesOnce()
    {
        using var buyer = await BusinessTrips.ReadyToBuyAsync(_cluster, _web);
        using (var first = await buyer.Phone.BuyAsync(BusinessTrips.Purchase("före")))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode); // the account's row exists and its grain is active
        }

        var account = _cluster.Client.GetGrain<ICreditAccountGrain>(buyer.Traveller.Id);
        await using var database = NpgsqlDataSource.Create(_cluster.ConnectionString);
        HttpResponseMessage answer;
        TimeSpan waited;
        await using (var lockHolder = await database.OpenConnectionAsync())
        await using (var rowLock = await LockAccountRowAsync(lockHolder, buyer.Traveller.Id))
        {
            // The purchase's commit waits for the row in the database: the call is in the middle of its silo.
            var started = Stopwatch.StartNew();
            var purchase = buyer.Phone.BuyAsync(BusinessTrips.Purchase("under"));
            await WaitingForTheRowAsync(database).WithinPatienceAsync("the purchase waiting for the account's row");
            var silo = await KillAccountsSiloAsync(account);
            // A crashed process's connections close, and with them its open transaction.
            await TerminateWaitingBackendsAsync(database);
            answer = await purchase.WithinPatienceAsync("the web node's answer");
            waited = started.Elapsed;
            Log($"answered {(int)answer.StatusCode} after {waited.TotalSeconds:0.0} s");
            await rowLock.RollbackAsync();
            await _cluster.DeclaredDeadAsync(silo);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.True(waited < FewSeconds, $"The answer took {waited.TotalSeconds:0.0} s.");
        Assert.Equal(TimeSpan.FromSeconds(5), answer.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var problem = await answer.ReadJsonAsync();
        Assert.Equal("outcome-unknown", problem.GetProperty("type").GetString());
        Assert.Contains("samma idempotensnyckel", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The app asks again with the same key, as the problem says it may.
        using (var retry = await buyer.Phone.BuyAsync(BusinessTrips.Purchase("under")))
        {
            Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        }

        using (var again = await buyer.Phone.BuyAsync(BusinessTrips.Purchase("under")))
        {
            Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        }

        var ledger = await LedgerReader.OfTravellerAsync(_cluster, buyer.Traveller.Id);
        Assert.Equal(["före", "under"], ledger.Select(row => row.IdempotencyKey).Order());
        Assert.Equal(ledger.Sum(row => row.TotalOre), await LedgerReader.StoredUsedOreAsync(_cluster, buyer.Traveller.Id));
    }

    private static async Task<NpgsqlTransaction> LockAccountRowAsync(NpgsqlConnection connection, Guid travellerId)
    {
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("select 1 from credit_accounts where traveller_id = $1 for update", connection, transaction)
        {
            Parameters = { new() { Value = travellerId } },
        };
        Assert.Equal(1, await command.ExecuteScalarAsync());
        return transaction;
    }

    /// <summary>Completes when a backend of this database waits for a lock (polling: PostgreSQL sends no event for it).</summary>
    private static async Task WaitingForTheRowAsync(NpgsqlDataSource database)
    {
        while ((await Sql.ReadAsync(database, WaitingBackends, reader => reader.GetInt32(0))).Count == 0)
        {
            await Task.Delay(20);
        }
    }

    private static async Task TerminateWaitingBackendsAsync(NpgsqlDataSource database) =>
        Assert.NotEmpty(await Sql.ReadAsync(database, $"select pg_terminate_backend(pid) from ({WaitingBackends}) waiting", reader => reader.GetBoolean(0)));

    private const string WaitingBackends =
        "select pid from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()";

    private async Task<SiloAddress> KillAccountsSiloAsync(ICreditAccountGrain account)
    {
        var host = await _cluster.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(account)
            ?? throw new InvalidOperationException("The credit account is not active anywhere.");
        var silo = _cluster.Cluster.GetSiloForAddress(host) ?? throw new InvalidOperationException($"{host} is not a silo of this cluster.");
        Log($"killing {silo.Name} ({host}), which holds the account");
        await _cluster.Cluster.KillSiloAsync(silo);
        Log("killed");
        return host;
    }

    private void Log(string message) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:0.0} s  {message}");
}
