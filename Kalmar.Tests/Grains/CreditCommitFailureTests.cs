using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;
using Npgsql;

namespace Kalmar.Tests.Grains;

/// <summary>
/// The credit account commits a batch of charges in one transaction: when that commit fails, every caller in the
/// batch is told so and none of them is charged; once the database takes writes again, the same charges go through once.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CreditCommitFailureTests(PortalFixture portal)
{
    private const int Callers = 20;
    private static readonly PriceBreakdown Enkel = Vat.Breakdown(5000);

    [Fact]
    public async Task BatchWhoseCommitFailsChargesNoneAndTheSameChargesSucceedOnceAfterwards()
    {
        var travellerId = Guid.NewGuid();
        var account = portal.Cluster.Client.GetGrain<ICreditAccountGrain>(travellerId);
        await account.SetLimitAsync(enabled: true, monthlyLimitOre: 1_000_000);
        string[] keys = [.. Enumerable.Range(1, Callers).Select(n => $"köp-{n}")];

        await using (await LedgerRefusal.ForAsync(portal.Cluster, travellerId))
        {
            var failed = keys.Select(key => account.ChargeAsync(Charge(key))).ToArray();
            foreach (var charge in failed)
            {
                var failure = await Assert.ThrowsAnyAsync<Exception>(() => charge);
                Assert.Contains(LedgerRefusal.Message, failure.ToString(), StringComparison.Ordinal);
            }
        }

        var afterFailure = await account.GetAsync();
        var ledgerAfterFailure = await LedgerReader.OfTravellerAsync(portal.Cluster, travellerId);
        var storedAfterFailure = await LedgerReader.StoredUsedOreAsync(portal.Cluster, travellerId);
        var charged = await Task.WhenAll(keys.Select(key => account.ChargeAsync(Charge(key))));
        var retried = await Task.WhenAll(keys.Select(key => account.ChargeAsync(Charge(key))));

        Assert.Equal(0, afterFailure.UsedOre);
        Assert.Empty(ledgerAfterFailure);
        Assert.Equal(0, storedAfterFailure);
        Assert.All(charged, outcome => Assert.Null(outcome.Rejection));
        Assert.Equal(charged.Select(outcome => outcome.Value!.ChargeId), retried.Select(outcome => outcome.Value!.ChargeId));
        Assert.Equal(Callers * Enkel.TotalOre, (await account.GetAsync()).UsedOre);
        Assert.Equal(Callers * Enkel.TotalOre, await LedgerReader.StoredUsedOreAsync(portal.Cluster, travellerId));
        Assert.Equal(keys.Order(), (await LedgerReader.OfTravellerAsync(portal.Cluster, travellerId)).Select(row => row.IdempotencyKey).Order());
    }

    private static CreditCharge Charge(string key) =>
        new(key, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21, "Enkelbiljett", "Vuxen", ["101", "131"], "Kundmöte i Nybro", Enkel);

    /// <summary>A trigger that makes the database refuse one traveller's ledger rows, and so every commit of their charges.</summary>
    private sealed class LedgerRefusal(NpgsqlDataSource dataSource, string trigger) : IAsyncDisposable
    {
        public const string Message = "the ledger refuses this traveller (test)";

        public static async Task<LedgerRefusal> ForAsync(KalmarCluster cluster, Guid travellerId)
        {
            var dataSource = NpgsqlDataSource.Create(cluster.ConnectionString);
            var trigger = $"refuse_{travellerId:N}";
            await using var command = dataSource.CreateCommand(
                $"""
                create function {trigger}() returns trigger language plpgsql as $$ begin raise exception '{Message}'; end $$;
                create trigger {trigger} before insert on credit_ledger for each row
                  when (new.traveller_id = '{travellerId}') execute function {trigger}();
                """);
            await command.ExecuteNonQueryAsync();
            return new LedgerRefusal(dataSource, trigger);
        }

        public async ValueTask DisposeAsync()
        {
            await using (var command = dataSource.CreateCommand($"drop trigger {trigger} on credit_ledger; drop function {trigger}();"))
            {
                await command.ExecuteNonQueryAsync();
            }

            await dataSource.DisposeAsync();
        }
    }
}
