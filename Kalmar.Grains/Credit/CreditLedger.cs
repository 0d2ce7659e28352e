using Npgsql;
using NpgsqlTypes;

namespace Kalmar.Grains.Credit;

/// <summary>
/// Writes deductions to <c>credit_ledger</c>; writing one again changes nothing. Any conflict is ignored, not
/// only on the id: a row refused on another unique key must not hold up every later row of the traveller.
/// </summary>
public sealed class CreditLedger(NpgsqlDataSource dataSource)
{
    public async Task UpsertAsync(IReadOnlyCollection<LedgerEntry> entries)
    {
        await using var batch = dataSource.CreateBatch();
        foreach (var entry in entries)
        {
            var command = new NpgsqlBatchCommand(
                """
                insert into credit_ledger (id, traveller_id, company_id, department_id, month, charged_at, product, zones,
                                           purpose, amount_excl_vat_ore, vat_ore, total_ore, idempotency_key)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                on conflict do nothing
                """);
            command.Parameters.AddWithValue(entry.Id);
            command.Parameters.AddWithValue(entry.TravellerId);
            command.Parameters.AddWithValue(entry.CompanyId);
            command.Parameters.AddWithValue(entry.DepartmentId);
            command.Parameters.AddWithValue(entry.Month);
            command.Parameters.AddWithValue(entry.ChargedAt.ToUniversalTime());
            command.Parameters.AddWithValue(entry.Product);
            command.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Text, entry.Zones.ToArray());
            command.Parameters.AddWithValue(entry.Purpose);
            command.Parameters.AddWithValue(entry.AmountExclVatOre);
            command.Parameters.AddWithValue(entry.VatOre);
            command.Parameters.AddWithValue(entry.TotalOre);
            command.Parameters.AddWithValue(entry.IdempotencyKey);
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync();
    }
}
