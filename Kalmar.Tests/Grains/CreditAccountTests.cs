using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;
using Npgsql;

namespace Kalmar.Tests.Grains;

[Collection(PortalCollection.Name)]
public sealed class CreditAccountTests(PortalFixture portal)
{
    private static readonly PriceBreakdown Enkel = Vat.Breakdown(5000); // 50,00 + 3,00 = 53,00 kr

    [Fact]
    public async Task TwoHundredConcurrentPurchasesAgainstCreditForFiftySpendItExactly()
    {
        var travellerId = Guid.NewGuid();
        var account = portal.Cluster.Client.GetGrain<ICreditAccountGrain>(travellerId);
        await account.SetLimitAsync(enabled: true, monthlyLimitOre: 50 * Enkel.TotalOre);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => account.ChargeAsync(Charge($"köp-{i}"))));

        Assert.Equal(50, outcomes.Count(o => o.Rejection is null));
        Assert.Equal(150, outcomes.Count(o => o.Rejection?.Code == "insufficient-credit"));
        var credit = await account.GetAsync();
        Assert.Equal(credit.LimitOre, credit.UsedOre);
        Assert.Equal(0, credit.RemainingOre);
        var (rows, total) = await LedgerAsync(travellerId);
        Assert.Equal(50, rows);
        Assert.Equal(credit.UsedOre, total);
    }

    [Fact]
    public async Task TheSameKeyTwentyTimesAtOnceChargesOnceAndAnswersAlike()
    {
        var travellerId = Guid.NewGuid();
        var account = portal.Cluster.Client.GetGrain<ICreditAccountGrain>(travellerId);
        await account.SetLimitAsync(enabled: true, monthlyLimitOre: 40000);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => account.ChargeAsync(Charge("samma-nyckel"))));

        Assert.Single(outcomes.Select(o => o.Value!.ChargeId).Distinct());
        Assert.Single(outcomes.Select(o => o.Value!.Credit).Distinct());
        Assert.Equal(Enkel.TotalOre, (await account.GetAsync()).UsedOre);
        Assert.Equal((1, Enkel.TotalOre), await LedgerAsync(travellerId));
    }

    [Fact]
    public async Task LoweredLimitBlocksPurchasesAndARaisedOneFreesThemAtOnce()
    {
        var account = portal.Cluster.Client.GetGrain<ICreditAccountGrain>(Guid.NewGuid());
        await account.SetLimitAsync(enabled: true, monthlyLimitOre: 20000);
        Assert.Null((await account.ChargeAsync(Charge("a"))).Rejection);

        var lowered = await account.SetLimitAsync(enabled: true, monthlyLimitOre: 1000);
        var refused = await account.ChargeAsync(Charge("b"));
        await account.SetLimitAsync(enabled: true, monthlyLimitOre: 40000);
        var allowed = await account.ChargeAsync(Charge("c"));

        Assert.Equal(0, lowered.RemainingOre);
        Assert.Equal("insufficient-credit", refused.Rejection?.Code);
        Assert.Null(allowed.Rejection);
        Assert.Equal(40000 - (2 * Enkel.TotalOre), allowed.Value!.Credit.RemainingOre);
    }

    [Fact]
    public async Task RevokedBusinessTravelCannotBuy()
    {
        var account = portal.Cluster.Client.GetGrain<ICreditAccountGrain>(Guid.NewGuid());
        await account.SetLimitAsync(enabled: false, monthlyLimitOre: 40000);

        var refused = await account.ChargeAsync(Charge("x"));

        Assert.Equal("business-travel-not-granted", refused.Rejection?.Code);
    }

    private static CreditCharge Charge(string key) =>
        new(key, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21, "Enkelbiljett", "Vuxen", ["101", "131"], "Kundmöte i Nybro", Enkel);

    private async Task<(long Rows, long Total)> LedgerAsync(Guid travellerId)
    {
        await using var dataSource = NpgsqlDataSource.Create(portal.Cluster.ConnectionString);
        await using var command = dataSource.CreateCommand("select count(*), coalesce(sum(total_ore), 0)::bigint from credit_ledger where traveller_id = $1");
        command.Parameters.AddWithValue(travellerId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
