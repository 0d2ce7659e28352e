namespace Kalmar.Tests.Fixtures;

/// <summary>Reads <c>credit_ledger</c>, the table invoices are made from, to reconcile it with the credit accounts.</summary>
public static class LedgerReader
{
    public sealed record Row(string IdempotencyKey, long TotalOre);

    public static async Task<IReadOnlyList<Row>> OfTravellerAsync(KalmarCluster cluster, Guid travellerId) =>
        await Sql.ReadAsync(
            cluster, "select idempotency_key, total_ore from credit_ledger where traveller_id = $1",
            reader => new Row(reader.GetString(0), reader.GetInt64(1)), travellerId);

    /// <summary>This month's use as the account's own row stores it, not as an activation holds it in memory.</summary>
    public static async Task<long> StoredUsedOreAsync(KalmarCluster cluster, Guid travellerId) =>
        (await Sql.ReadAsync(cluster, "select used_ore from credit_accounts where traveller_id = $1", reader => reader.GetInt64(0), travellerId))
        .SingleOrDefault(-1);
}
