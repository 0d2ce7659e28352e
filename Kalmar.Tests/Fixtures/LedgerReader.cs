namespace Kalmar.Tests.Fixtures;

/// <summary>Reads <c>credit_ledger</c>, the table invoices are made from, to reconcile it with grain state.</summary>
public static class LedgerReader
{
    public sealed record Row(string IdempotencyKey, long TotalOre);

    public static async Task<IReadOnlyList<Row>> OfTravellerAsync(KalmarCluster cluster, Guid travellerId) =>
        await Sql.ReadAsync(
            cluster, "select idempotency_key, total_ore from credit_ledger where traveller_id = $1",
            reader => new Row(reader.GetString(0), reader.GetInt64(1)), travellerId);
}
