using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Grains.Audit;
using Kalmar.Grains.Notifications;
using Npgsql;

namespace Kalmar.Grains.Tickets;

/// <summary>
/// A ticket's block and recall in SQL, each one transaction with its audit entry (and a recall with its credit and the
/// traveller's notice), and what a recall credits. A recall's credit is keyed by the ticket, so it is written once.
/// </summary>
public sealed class TicketStatusStore(NpgsqlDataSource dataSource)
{
    /// <summary>The line the ticket was bought on: a staff-offer line has the ticket's id, a business trip's charge names it.</summary>
    private const string PurchaseLine =
        """
        select s.id, s.company_id, s.department_id, s.month, s.product, s.purpose, s.amount_excl_vat_ore, s.vat_ore, s.total_ore
        from invoice_line_source s
        where s.id in (select id from invoice_ledger where id = $1 and kind = 'staff-offer'
                       union all select id from credit_ledger where ticket_id = $1 and kind = 'charge')
        """;

    // $1 ticket, $2 the purchase line, $3 month, $4 at, $5 the credit line. The department is named as it is now, as a new line's is.
    private const string InsertInvoiceCredit =
        """
        insert into invoice_ledger (id, company_id, month, at, kind, traveller_id, traveller_name, department_id, department_name,
                                    reference, cost_centre, product, zones, purpose, amount_excl_vat_ore, vat_ore, total_ore, ticket_id)
        select $5, s.company_id, $3, $4, 'credit', s.traveller_id, s.traveller_name, s.department_id, coalesce(d.name, s.department_name),
               coalesce(d.reference, s.reference), coalesce(d.cost_centre, s.cost_centre), s.product, s.zones, s.purpose,
               -s.amount_excl_vat_ore, -s.vat_ore, -s.total_ore, $1
        from invoice_line_source s left join departments d on d.id = s.department_id
        where s.id = $2
        on conflict do nothing
        """;

    public async Task<TicketPurchase?> PurchaseAsync(Guid ticketId)
    {
        await using var command = dataSource.CreateCommand(PurchaseLine);
        command.Parameters.AddWithValue(ticketId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new TicketPurchase(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), new PriceBreakdown(reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8)))
            : null;
    }

    /// <summary>How a recalled ticket was credited (to answer a recall again as the first time); null if it was not.</summary>
    public async Task<RecalledTicket?> CreditOfAsync(Ticket ticket)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select '{RecalledTicket.ToCreditAccount}', month, amount_excl_vat_ore, vat_ore, total_ore from credit_ledger where ticket_id = $1 and kind = 'refund'
            union all
            select '{RecalledTicket.ToInvoice}', month, amount_excl_vat_ore, vat_ore, total_ore from invoice_ledger where ticket_id = $1 and kind = 'credit'
            """);
        command.Parameters.AddWithValue(ticket.Id);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new RecalledTicket(ticket, reader.GetString(0), reader.GetString(1),
                new PriceBreakdown(reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)).Negated())
            : null;
    }

    /// <summary>Blocks the ticket with its audit entry; false, with nothing written, when it was no longer active.</summary>
    public Task<bool> BlockAsync(Guid ticketId, string reason, Actor actor, AuditRecord audit) =>
        ChangeAsync(TicketBook.ChangeStatus(ticketId, TicketStatus.Blocked, reason, actor, audit.At), [AuditLog.Insert(audit)]);

    /// <summary>
    /// Recalls the ticket and credits <paramref name="purchase"/> on the invoice of <paramref name="recalled"/>'s month,
    /// with the audit entry and the traveller's notice; false, with nothing written, when it was recalled already.
    /// </summary>
    public Task<bool> RecallToInvoiceAsync(RecalledTicket recalled, TicketPurchase purchase, Actor actor, AuditRecord audit, OutgoingMessage notice)
    {
        var credit = new NpgsqlBatchCommand(InsertInvoiceCredit);
        credit.Parameters.AddWithValue(recalled.Ticket.Id);
        credit.Parameters.AddWithValue(purchase.LineId);
        credit.Parameters.AddWithValue(recalled.Month);
        credit.Parameters.AddWithValue(audit.At.ToUniversalTime());
        credit.Parameters.AddWithValue(Guid.CreateVersion7(audit.At));
        return ChangeAsync(
            TicketBook.ChangeStatus(recalled.Ticket.Id, TicketStatus.Recalled, reason: null, actor, audit.At),
            [credit, AuditLog.Insert(audit), NotificationOutbox.Insert(notice, audit.At)]);
    }

    /// <summary>The status change and what goes with it, in one transaction, only if the status did change.</summary>
    private async Task<bool> ChangeAsync(NpgsqlBatchCommand change, IReadOnlyList<NpgsqlBatchCommand> alongside)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { change } };
        foreach (var command in alongside)
        {
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync();
        if (change.RecordsAffected != 1)
        {
            await transaction.RollbackAsync();
            return false;
        }

        await transaction.CommitAsync();
        return true;
    }
}
