using Kalmar.Contracts.Domain;
using Npgsql;

namespace Kalmar.Web.Features.Receipts;

/// <summary>
/// A traveller's own receipts: their AllPay business trips (<c>credit_ledger</c>) and their approved staff-offer order
/// lines (<c>invoice_ledger</c>). Credit lines are the employer's corrections, not purchases, and have no receipt.
/// </summary>
public sealed class ReceiptReader(NpgsqlDataSource dataSource, TimeProvider clock)
{
    // $1 the traveller. Each row: id, at, kind, product, zones, purpose, amounts, month, company.
    private const string Purchases =
        """
        select id, charged_at as at, 'business-trip' as kind, product, zones, purpose, amount_excl_vat_ore, vat_ore, total_ore, month, company_id
        from credit_ledger where traveller_id = $1 and kind = 'charge'
        union all
        select id, at, kind, product, zones, purpose, amount_excl_vat_ore, vat_ore, total_ore, month, company_id
        from invoice_ledger where traveller_id = $1 and kind = 'staff-offer'
        """;

    public string CurrentMonth => Stockholm.MonthOf(clock.GetUtcNow());

    public async Task<PurchaseMonth> MonthAsync(Guid travellerId, string month)
    {
        await using var command = dataSource.CreateCommand(
            $"select id, at, kind, product, zones, purpose, amount_excl_vat_ore, vat_ore, total_ore from ({Purchases}) p where month = $2 order by at desc, id");
        command.Parameters.AddWithValue(travellerId);
        command.Parameters.AddWithValue(month);
        var items = new List<Purchase>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                items.Add(Read(reader));
            }
        }

        var total = Vat.Sum(items.Select(item => new PriceBreakdown(item.AmountExclVatOre, item.VatOre, item.TotalOre)));
        return new PurchaseMonth(month, await MonthsAsync(travellerId, month), items, total.ExclVatOre, total.VatOre, total.TotalOre);
    }

    /// <summary>The receipt of one of <paramref name="travellerId"/>'s own purchases; null for anyone else's (404).</summary>
    public async Task<Receipt?> ReceiptAsync(Guid travellerId, Guid id)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select p.id, p.at, p.kind, p.product, p.zones, p.purpose, p.amount_excl_vat_ore, p.vat_ore, p.total_ore,
                   coalesce(u.first_name || ' ' || u.last_name, ''), coalesce(c.name, ''), c.org_number
            from ({Purchases}) p
            left join users u on u.id = $1
            left join companies c on c.id = p.company_id
            where p.id = $2
            """);
        command.Parameters.AddWithValue(travellerId);
        command.Parameters.AddWithValue(id);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new Receipt(Read(reader), reader.GetString(9), reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetString(11))
            : null;
    }

    private async Task<IReadOnlyList<string>> MonthsAsync(Guid travellerId, string shown)
    {
        await using var command = dataSource.CreateCommand($"select distinct month from ({Purchases}) p order by month desc");
        command.Parameters.AddWithValue(travellerId);
        var months = new SortedSet<string>(StringComparer.Ordinal) { CurrentMonth, shown };
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            months.Add(reader.GetString(0));
        }

        return [.. months.Reverse()];
    }

    private static Purchase Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), Stockholm.ToLocal(reader.GetFieldValue<DateTimeOffset>(1)), reader.GetString(2), reader.GetString(3),
        reader.GetFieldValue<string[]>(4), reader.IsDBNull(5) || reader.GetString(5).Length == 0 ? null : reader.GetString(5),
        reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8));
}
