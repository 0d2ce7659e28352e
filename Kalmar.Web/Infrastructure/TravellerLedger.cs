using Npgsql;

namespace Kalmar.Web.Infrastructure;

/// <summary>A traveller's own business-trip purchases as the credit ledger holds them, oldest first.</summary>
public sealed class TravellerLedger(NpgsqlDataSource dataSource)
{
    public sealed record Purchase(
        DateTimeOffset ChargedAt, string Product, IReadOnlyList<string> Zones, string Purpose, long AmountExclVatOre, long VatOre, long TotalOre);

    public async Task<IReadOnlyList<Purchase>> OfAsync(Guid travellerId)
    {
        await using var command = dataSource.CreateCommand(
            """
            select charged_at, product, zones, purpose, amount_excl_vat_ore, vat_ore, total_ore
            from credit_ledger where traveller_id = $1 order by charged_at
            """);
        command.Parameters.AddWithValue(travellerId);
        await using var reader = await command.ExecuteReaderAsync();
        var purchases = new List<Purchase>();
        while (await reader.ReadAsync())
        {
            purchases.Add(new Purchase(
                reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetFieldValue<string[]>(2), reader.GetString(3),
                reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6)));
        }

        return purchases;
    }
}
