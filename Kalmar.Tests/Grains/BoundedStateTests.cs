using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Tests.Fixtures;
using Npgsql;

namespace Kalmar.Tests.Grains;

/// <summary>
/// History lives in tables, not in grain state: after ten thousand purchases the stored state of the traveller's
/// grains is as small as on the first day, every ticket and purchase is still there, and a retry of the first
/// purchase, long out of the account's memory and after the grains were reactivated, is answered as it was then.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class BoundedStateTests(PortalFixture portal)
{
    private const int LaterPurchases = 10_000;
    private const int Lanes = 16;
    private const int StateLimitBytes = 4096;

    [Fact]
    public async Task TenThousandPurchasesLeaveTheStoredStateSmallAndTheFirstReceiptRetrievable()
    {
        var client = portal.Cluster.Client;
        var company = await Companies.CreateAsync(client, maxMonthlyLimitOre: 1_000_000_000);
        var traveller = await Travellers.CreateAsync(client, company.Id, company.DepartmentId);
        var travel = client.GetGrain<IBusinessTravelGrain>(traveller.Id);
        Assert.Null((await travel.GrantAsync(enabled: true, monthlyLimitOre: 1_000_000_000)).Rejection);
        Assert.Null((await travel.AddAllPayAsync()).Rejection);
        var first = (await travel.BuyAsync(Purchase("först"))).Value!;

        await Task.WhenAll(Enumerable.Range(0, Lanes).Select(async lane =>
        {
            for (var n = lane; n < LaterPurchases; n += Lanes)
            {
                Assert.Null((await travel.BuyAsync(Purchase($"köp-{n}"))).Rejection);
            }
        }));
        var retriedOutOfWindow = (await travel.BuyAsync(Purchase("först"))).Value!;
        var usedBefore = (await client.GetGrain<ICreditAccountGrain>(traveller.Id).GetAsync()).UsedOre;
        await client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var retriedAfterReactivation = (await travel.BuyAsync(Purchase("först"))).Value!;

        Assert.Equal(first.Ticket.Id, retriedOutOfWindow.Ticket.Id);
        Assert.Equal(first.Ticket.Id, retriedAfterReactivation.Ticket.Id);
        Assert.Equal(first.Credit, retriedAfterReactivation.Credit);
        Assert.Equal((LaterPurchases + 1) * first.Ticket.PriceOre, usedBefore);
        Assert.Equal(usedBefore, (await client.GetGrain<ICreditAccountGrain>(traveller.Id).GetAsync()).UsedOre);
        Assert.Equal(LaterPurchases + 1, (await LedgerReader.OfTravellerAsync(portal.Cluster, traveller.Id)).Count);
        Assert.Equal(LaterPurchases + 1, (await AllTicketsPagedAsync(client.GetGrain<IUserGrain>(traveller.Id))).Distinct().Count());
        Assert.InRange(await StoredUserStateBytesAsync(traveller.Id), 1, StateLimitBytes);
        Assert.InRange(await StoredCreditAccountBytesAsync(traveller.Id), 1, StateLimitBytes);
    }

    private static async Task<List<Guid>> AllTicketsPagedAsync(IUserGrain user)
    {
        var ids = new List<Guid>();
        for (var page = 1; await user.GetActiveTicketsAsync(page, IUserGrain.MaxTicketPageSize) is { Count: > 0 } tickets; page++)
        {
            ids.AddRange(tickets.Select(ticket => ticket.Id));
        }

        return ids;
    }

    /// <summary>The user grain's state as PostgreSQL stores it: its row in <c>users</c>.</summary>
    private async Task<int> StoredUserStateBytesAsync(Guid userId) =>
        (await Sql.ReadAsync(portal.Cluster, "select pg_column_size(u.*) from users u where id = $1", reader => reader.GetInt32(0), userId))[0];

    private async Task<int> StoredCreditAccountBytesAsync(Guid travellerId)
    {
        await using var dataSource = NpgsqlDataSource.Create(portal.Cluster.ConnectionString);
        await using var command = dataSource.CreateCommand("select pg_column_size(account.*) from credit_accounts account where traveller_id = $1");
        command.Parameters.AddWithValue(travellerId);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private static BusinessTripPurchase Purchase(string key) => new(key, "enkel", "vuxen", ["101", "131"], "Kundmöte i Nybro");
}
