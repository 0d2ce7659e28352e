using Npgsql;

namespace Kalmar.Bench.Chaos;

/// <summary>What the database holds for the run's travellers once the load has stopped: the truth the clients are checked against.</summary>
public sealed record StoredRows(
    IReadOnlyList<(Guid Traveller, string Key, Guid? TicketId, long TotalOre)> Charges,
    IReadOnlyDictionary<Guid, long> UsedOre,
    IReadOnlyList<(Guid Id, Guid Traveller, string Source)> Tickets,
    IReadOnlyList<(Guid Order, Guid Traveller)> Orders,
    IReadOnlyList<(Guid Line, Guid Order)> StaffOfferLines)
{
    public static async Task<StoredRows> ReadAsync(NpgsqlDataSource database, Guid[] travellers) => new(
        await ReadAsync(database, "select traveller_id, idempotency_key, ticket_id, total_ore from credit_ledger where kind = 'charge' and traveller_id = any($1)",
            row => (row.GetGuid(0), row.GetString(1), row.IsDBNull(2) ? (Guid?)null : row.GetGuid(2), row.GetInt64(3)), travellers),
        (await ReadAsync(database, "select traveller_id, used_ore from credit_accounts where traveller_id = any($1)",
            row => (row.GetGuid(0), row.GetInt64(1)), travellers)).ToDictionary(),
        await ReadAsync(database, "select id, traveller_id, source from tickets where traveller_id = any($1)",
            row => (row.GetGuid(0), row.GetGuid(1), row.GetString(2)), travellers),
        await ReadAsync(database, "select order_id, traveller_id from traveller_orders where traveller_id = any($1)",
            row => (row.GetGuid(0), row.GetGuid(1)), travellers),
        await ReadAsync(database, "select id, order_id from invoice_ledger where kind = 'staff-offer' and traveller_id = any($1)",
            row => (row.GetGuid(0), row.GetGuid(1)), travellers));

    private static async Task<List<T>> ReadAsync<T>(NpgsqlDataSource database, string query, Func<NpgsqlDataReader, T> row, Guid[] travellers)
    {
        await using var command = database.CreateCommand(query);
        command.Parameters.AddWithValue(travellers);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(row(reader));
        }

        return rows;
    }
}
