using Npgsql;

namespace Kalmar.Tests.Fixtures;

/// <summary>Reads <c>credit_ledger</c>, the table invoices are made from, to reconcile it with the credit accounts.</summary>
public static class LedgerReader
{
    public sealed record Row(string IdempotencyKey, long TotalOre);

    public static async Task<IReadOnlyList<Row>> OfTravellerAsync(KalmarCluster cluster, Guid travellerId)
    {
        await using var dataSource = NpgsqlDataSource.Create(cluster.ConnectionString);
        await using var command = dataSource.CreateCommand("select idempotency_key, total_ore from credit_ledger where traveller_id = $1");
        command.Parameters.AddWithValue(travellerId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Row>();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetString(0), reader.GetInt64(1)));
        }

        return rows;
    }

    /// <summary>This month's use as the account's own row stores it, not as an activation holds it in memory.</summary>
    public static async Task<long> StoredUsedOreAsync(KalmarCluster cluster, Guid travellerId)
    {
        await using var dataSource = NpgsqlDataSource.Create(cluster.ConnectionString);
        await using var command = dataSource.CreateCommand("select used_ore from credit_accounts where traveller_id = $1");
        command.Parameters.AddWithValue(travellerId);
        return (long?)await command.ExecuteScalarAsync() ?? throw new InvalidOperationException("The credit account was never stored.");
    }
}
