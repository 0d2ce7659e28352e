using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Npgsql;

namespace Kalmar.Grains.Invoices;

/// <summary>
/// Credit account = credit ledger = invoice, to the öre, for the current month and the last closed one, in one statement
/// that also stores the run. The account's used amount is <c>credit_accounts.used_ore</c> for the month it stands in; a
/// month it has moved past keeps the used amount the account wrote on its last row of that month (each ledger row carries
/// it; a refund lowers it, so the last is not always the largest), and a month it has not reached yet is 0. Invoice lines
/// are the ledger's rows (business trips, and refunds as credit lines), counted by the month they were bought in, on
/// whichever invoice they landed, and only once the company's invoice of that month exists.
/// </summary>
public sealed class Reconciliation(NpgsqlDataSource dataSource)
{
    // $1 current month, $2 last closed month, $3 both, $4 checked at.
    private const string CheckAndStore =
        """
        with months (month) as (values ($1::text), ($2::text)),
        ledger as (
          select traveller_id, month, (array_agg(company_id))[1] as company_id, sum(total_ore)::bigint as ledger_ore,
                 (array_agg(used_ore order by seq desc) filter (where used_ore is not null))[1] as recorded_used_ore
          from credit_ledger where month = any($3) group by traveller_id, month),
        invoiced as (
          select traveller_id, month, sum(total_ore)::bigint as invoice_ore
          from invoice_lines
          where invoice_id in (select id from invoices where month >= $2) and month = any($3)
            and (kind = 'business-trip' or (kind = 'credit' and id in (select id from credit_ledger where kind = 'refund')))
          group by traveller_id, month),
        travellers as (select traveller_id from credit_accounts union select traveller_id from ledger),
        checked as (
          select t.traveller_id, m.month, coalesce(g.company_id, u.company_id) as company_id,
                 case when a.month = m.month then a.used_ore
                      when a.month > m.month then coalesce(g.recorded_used_ore, 0)
                      else 0 end as account_ore,
                 coalesce(g.ledger_ore, 0) as ledger_ore,
                 case when exists (select 1 from invoices i where i.company_id = coalesce(g.company_id, u.company_id) and i.month = m.month)
                      then coalesce(v.invoice_ore, 0) end as invoice_ore
          from travellers t cross join months m
          left join credit_accounts a on a.traveller_id = t.traveller_id
          left join ledger g on g.traveller_id = t.traveller_id and g.month = m.month
          left join invoiced v on v.traveller_id = t.traveller_id and v.month = m.month
          left join users u on u.id = t.traveller_id),
        found as (
          select c.traveller_id, coalesce(co.name, '') as company, c.month, c.account_ore, c.ledger_ore, c.invoice_ore
          from checked c left join companies co on co.id = c.company_id
          where c.account_ore <> c.ledger_ore or c.invoice_ore <> c.ledger_ore),
        stored as (
          insert into reconciliation_runs (checked_at, accounts, mismatch_count, mismatches)
          select $4, (select count(*) from travellers), (select count(*) from found),
                 coalesce((select jsonb_agg(jsonb_build_object(
                             'travellerId', f.traveller_id, 'company', f.company, 'month', f.month, 'accountOre', f.account_ore,
                             'ledgerOre', f.ledger_ore, 'invoiceOre', f.invoice_ore) order by f.company, f.month, f.traveller_id)
                           from found f), '[]'::jsonb)
          returning accounts)
        select s.accounts, f.traveller_id, f.company, f.month, f.account_ore, f.ledger_ore, f.invoice_ore
        from stored s left join found f on true
        order by f.company, f.month, f.traveller_id
        """;

    public async Task<ReconciliationRun> RunAsync(DateTimeOffset now)
    {
        var current = Stockholm.MonthOf(now);
        var lastClosed = InvoiceMonth.Previous(current);
        await using var command = dataSource.CreateCommand(CheckAndStore);
        command.Parameters.AddWithValue(current);
        command.Parameters.AddWithValue(lastClosed);
        command.Parameters.AddWithValue(new[] { current, lastClosed });
        command.Parameters.AddWithValue(now.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync();
        var accounts = 0;
        var mismatches = new List<ReconciliationMismatch>();
        while (await reader.ReadAsync())
        {
            accounts = reader.GetInt32(0);
            if (!reader.IsDBNull(1))
            {
                mismatches.Add(new ReconciliationMismatch(reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4),
                    reader.GetInt64(5), reader.IsDBNull(6) ? null : reader.GetInt64(6)));
            }
        }

        return new ReconciliationRun(now, accounts, mismatches);
    }
}
