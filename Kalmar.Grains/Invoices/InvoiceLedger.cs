using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Live;
using Kalmar.Contracts.Model;
using Npgsql;
using NpgsqlTypes;

namespace Kalmar.Grains.Invoices;

/// <summary>
/// Writes the <c>invoice_ledger</c> rows of an approved staff-offer order: one per order line under the line's id, so
/// the decision's effects may run again and each line is invoiced once. The month is the decision's (Stockholm), and
/// the department is named as it is at that moment.
/// </summary>
public sealed class InvoiceLedger(NpgsqlDataSource dataSource)
{
    private const string InsertLine =
        """
        insert into invoice_ledger (id, company_id, month, at, kind, traveller_id, traveller_name, department_id, department_name,
                                    reference, cost_centre, product, zones, purpose, amount_excl_vat_ore, vat_ore, total_ore, order_id)
        select $1, $2, $3, $4, 'staff-offer', $5, $6, $7, coalesce(d.name, $8), coalesce(d.reference, ''), coalesce(d.cost_centre, ''),
               $9, $10, null, $11, $12, $13, $14
        from (select 1) one left join departments d on d.id = $7
        on conflict (id) do nothing
        """;

    /// <summary>Records the order's lines; answers what this call added (nothing when an earlier run wrote them).</summary>
    public async Task<InvoiceChanged?> RecordStaffOfferAsync(OrderView order)
    {
        var submission = order.Submission;
        var decidedAt = order.DecidedAt!.Value;
        await using var batch = dataSource.CreateBatch(); // one implicit transaction
        foreach (var line in submission.Lines)
        {
            var command = new NpgsqlBatchCommand(InsertLine);
            var p = command.Parameters;
            p.AddWithValue(line.Id);
            p.AddWithValue(submission.CompanyId);
            p.AddWithValue(Stockholm.MonthOf(decidedAt));
            p.AddWithValue(decidedAt.ToUniversalTime());
            p.AddWithValue(submission.TravellerId);
            p.AddWithValue(submission.TravellerName);
            p.AddWithValue(submission.DepartmentId);
            p.AddWithValue(submission.DepartmentName);
            p.AddWithValue($"{line.ProductName}, {line.CategoryName}");
            p.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Text, line.Zones.ToArray());
            p.AddWithValue(line.Price.ExclVatOre);
            p.AddWithValue(line.Price.VatOre);
            p.AddWithValue(line.Price.TotalOre);
            p.AddWithValue(order.Id);
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync();
        var added = submission.Lines.Where((_, i) => batch.BatchCommands[i].RecordsAffected > 0).ToList();
        return added.Count == 0
            ? null
            : new InvoiceChanged(Stockholm.MonthOf(decidedAt), submission.CompanyId, submission.DepartmentId,
                added.Aggregate(PriceBreakdown.Zero, (sum, line) => sum + line.Price), added.Count);
    }
}
