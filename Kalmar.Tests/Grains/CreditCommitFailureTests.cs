using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;

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

        await using (await RowRefusal.OfInsertsAsync(portal.Cluster, "credit_ledger", "traveller_id", travellerId))
        {
            var failed = keys.Select(key => account.ChargeAsync(Charge(key))).ToArray();
            foreach (var charge in failed)
            {
                // The refused commit's error; or, for a call that reached the account while the failure was dropping its
                // activation, Orleans' rejection of it (seen once in a full run): an error either way, and nothing charged.
                var failure = await Assert.ThrowsAnyAsync<Exception>(() => charge);
                Assert.True(
                    failure is OrleansMessageRejectionException || failure.ToString().Contains(RowRefusal.Message, StringComparison.Ordinal),
                    failure.ToString());
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
}
