using Kalmar.Contracts.Model;
using Kalmar.Grains.Audit;
using Kalmar.Grains.Infrastructure;
using Kalmar.Grains.Notifications;
using Kalmar.Grains.Tickets;
using Npgsql;
using NpgsqlTypes;

namespace Kalmar.Grains.Credit;

/// <summary>
/// Credit accounts in <c>credit_accounts</c>, their charges in <c>credit_ledger</c> and the tickets they paid for in
/// <c>tickets</c>: a batch of charges is written with the account's new state in one transaction, and so is a refund with
/// its ticket's recall.
/// </summary>
public sealed class CreditAccountStore(NpgsqlDataSource dataSource, TicketBook tickets)
{
    /// <summary>The error codes (our own class "KL") that <see cref="ExpectOneRow"/> raises for a commit.</summary>
    private const string StaleVersion = "KL001", RecalledAlready = "KL002";

    /// <summary>The ledger's unique index on a traveller's charge keys (migration 0081).</summary>
    private const string ChargeKeyIndex = "credit_ledger_charge_key";

    public async Task<CreditAccount> LoadAsync(Guid travellerId)
    {
        await using var command = dataSource.CreateCommand(
            "select enabled, limit_ore, month, used_ore, version from credit_accounts where traveller_id = $1");
        command.Parameters.AddWithValue(travellerId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new CreditAccount(reader.GetBoolean(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4))
            : CreditAccount.None;
    }

    /// <summary>The receipts of earlier charges with any of <paramref name="idempotencyKeys"/>, by key.</summary>
    public async Task<IReadOnlyDictionary<string, ChargeReceipt>> FindReceiptsAsync(Guid travellerId, IReadOnlyCollection<string> idempotencyKeys)
    {
        await using var command = dataSource.CreateCommand(
            """
            select idempotency_key, id, charged_at, month, coalesce(limit_ore, 0), coalesce(used_ore, 0), ticket_id
            from credit_ledger where traveller_id = $1 and idempotency_key = any($2) and kind = 'charge'
            """);
        command.Parameters.AddWithValue(travellerId);
        command.Parameters.AddWithValue(idempotencyKeys.ToArray());
        var found = new List<(string Key, ChargeReceipt Receipt, Guid? TicketId)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var credit = new CreditView(reader.GetString(3), Enabled: true, reader.GetInt64(4), reader.GetInt64(5));
                found.Add((reader.GetString(0), new ChargeReceipt(reader.GetGuid(1), reader.GetFieldValue<DateTimeOffset>(2), credit),
                    reader.IsDBNull(6) ? null : reader.GetGuid(6)));
            }
        }

        if (found.Count == 0)
        {
            return new Dictionary<string, ChargeReceipt>();
        }

        var paidFor = await tickets.FindAsync([.. found.Where(row => row.TicketId is not null).Select(row => row.TicketId!.Value)]);
        return found.ToDictionary(
            row => row.Key,
            row => row.TicketId is { } id && paidFor.TryGetValue(id, out var ticket) ? row.Receipt with { Ticket = ticket } : row.Receipt);
    }

    /// <summary>Which of <paramref name="ticketIds"/> the account has refunded.</summary>
    public async Task<HashSet<Guid>> RefundedTicketsAsync(Guid travellerId, IReadOnlyCollection<Guid> ticketIds)
    {
        await using var command = dataSource.CreateCommand(
            "select ticket_id from credit_ledger where traveller_id = $1 and ticket_id = any($2) and kind = 'refund'");
        command.Parameters.AddWithValue(travellerId);
        command.Parameters.AddWithValue(ticketIds.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var refunded = new HashSet<Guid>();
        while (await reader.ReadAsync())
        {
            refunded.Add(reader.GetGuid(0));
        }

        return refunded;
    }

    /// <summary>
    /// Writes <paramref name="next"/> over the account at <paramref name="expectedVersion"/>, with the ledger rows and
    /// tickets of <paramref name="entries"/> and the ledger rows, ticket recalls, audit entries and notices of
    /// <paramref name="refunds"/>: one batch, so one round trip, and one implicit transaction, so all or nothing. Says
    /// what stopped it when nothing was written: the stored account is no longer at that version (another activation
    /// wrote since this one read it), or an entry's idempotency key was charged before (a retry older than the grain's
    /// memory of keys, found by the ledger's unique key instead of a look-up before every commit).
    /// </summary>
    /// <exception cref="InvalidOperationException">A refund's ticket was recalled already; nothing was written.</exception>
    public async Task<CommitOutcome> CommitAsync(
        Guid travellerId, long expectedVersion, CreditAccount next, IReadOnlyList<LedgerEntry> entries, IReadOnlyList<RefundEntry> refunds)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(ExpectOneRow.Of(SaveAccount(travellerId, expectedVersion, next), StaleVersion, "The credit account was written by another activation."));
        foreach (var entry in entries)
        {
            batch.BatchCommands.Add(InsertLedgerRow(entry));
            if (entry.Receipt.Ticket is { } ticket)
            {
                batch.BatchCommands.Add(TicketBook.Insert(travellerId, ticket));
            }
        }

        foreach (var refund in refunds)
        {
            batch.BatchCommands.Add(InsertRefundRow(travellerId, refund));
            // The ticket's row decides between this refund and a credit on the invoice: whichever recalls it first credits it.
            batch.BatchCommands.Add(ExpectOneRow.Of(Recall(refund), RecalledAlready, $"Ticket {refund.Refund.Ticket.Id} was recalled already; its refund was not written."));
            var credited = Credited(refund);
            batch.BatchCommands.Add(AuditLog.Insert(TicketAudit.Recalled(
                refund.Refund.Ticket, travellerId, refund.Refund.CompanyId, refund.Refund.TravellerName, refund.Refund.Actor, credited, refund.At)));
            batch.BatchCommands.Add(NotificationOutbox.Insert(TicketAudit.RecallNotice(refund.Refund.TravellerEmail, refund.Refund.Actor, credited), refund.At));
        }

        try
        {
            await batch.ExecuteNonQueryAsync();
            return CommitOutcome.Committed;
        }
        catch (PostgresException exception) when (exception.SqlState == StaleVersion)
        {
            return CommitOutcome.StaleVersion;
        }
        catch (PostgresException exception) when (exception is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: ChargeKeyIndex })
        {
            return CommitOutcome.KeyCharged;
        }
        catch (PostgresException exception) when (exception.SqlState == RecalledAlready)
        {
            throw new InvalidOperationException(exception.MessageText, exception);
        }
    }

    private static NpgsqlBatchCommand SaveAccount(Guid travellerId, long expectedVersion, CreditAccount next)
    {
        var command = new NpgsqlBatchCommand(expectedVersion == 0
            ? """
              insert into credit_accounts (traveller_id, enabled, limit_ore, month, used_ore, version)
              values ($1, $2, $3, $4, $5, $6) on conflict (traveller_id) do nothing
              """
            : """
              update credit_accounts set enabled = $2, limit_ore = $3, month = $4, used_ore = $5, version = $6
              where traveller_id = $1 and version = $7
              """);
        command.Parameters.AddWithValue(travellerId);
        command.Parameters.AddWithValue(next.Enabled);
        command.Parameters.AddWithValue(next.LimitOre);
        command.Parameters.AddWithValue(next.Month);
        command.Parameters.AddWithValue(next.UsedOre);
        command.Parameters.AddWithValue(next.Version);
        if (expectedVersion != 0)
        {
            command.Parameters.AddWithValue(expectedVersion);
        }

        return command;
    }

    private static NpgsqlBatchCommand Recall(RefundEntry refund) =>
        TicketBook.ChangeStatus(refund.Refund.Ticket.Id, TicketStatus.Recalled, reason: null, refund.Refund.Actor, refund.At);

    private static RecalledTicket Credited(RefundEntry refund) => new(
        refund.Refund.Ticket with { Status = TicketStatus.Recalled }, RecalledTicket.ToCreditAccount, refund.After.Month, refund.Refund.Price);

    /// <summary>The refund's negative row: the charge's line taken back, with the credit as it stood after.</summary>
    private static NpgsqlBatchCommand InsertRefundRow(Guid travellerId, RefundEntry entry)
    {
        var (refund, taken) = (entry.Refund, entry.Refund.Price.Negated());
        var command = new NpgsqlBatchCommand(
            """
            insert into credit_ledger (id, traveller_id, company_id, department_id, month, charged_at, product, zones, purpose,
                                       amount_excl_vat_ore, vat_ore, total_ore, idempotency_key, ticket_id, limit_ore, used_ore, kind)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'refund')
            """);
        var parameters = command.Parameters;
        parameters.AddWithValue(entry.Id);
        parameters.AddWithValue(travellerId);
        parameters.AddWithValue(refund.CompanyId);
        parameters.AddWithValue(refund.DepartmentId);
        parameters.AddWithValue(entry.After.Month);
        parameters.AddWithValue(entry.At.ToUniversalTime());
        parameters.AddWithValue(refund.Product);
        parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Text, refund.Ticket.Zones.ToArray());
        parameters.AddWithValue(refund.Purpose);
        parameters.AddWithValue(taken.ExclVatOre);
        parameters.AddWithValue(taken.VatOre);
        parameters.AddWithValue(taken.TotalOre);
        parameters.AddWithValue($"recall:{refund.Ticket.Id:N}");
        parameters.AddWithValue(refund.Ticket.Id);
        parameters.AddWithValue(entry.After.LimitOre);
        parameters.AddWithValue(entry.After.UsedOre);
        return command;
    }

    private static NpgsqlBatchCommand InsertLedgerRow(LedgerEntry entry)
    {
        var (charge, receipt) = (entry.Charge, entry.Receipt);
        var command = new NpgsqlBatchCommand(
            """
            insert into credit_ledger (id, traveller_id, company_id, department_id, month, charged_at, product, zones, purpose,
                                       amount_excl_vat_ore, vat_ore, total_ore, idempotency_key, ticket_id, limit_ore, used_ore)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
            """);
        var parameters = command.Parameters;
        parameters.AddWithValue(receipt.ChargeId);
        parameters.AddWithValue(entry.TravellerId);
        parameters.AddWithValue(charge.CompanyId);
        parameters.AddWithValue(charge.DepartmentId);
        parameters.AddWithValue(receipt.Credit.Month);
        parameters.AddWithValue(receipt.ChargedAt.ToUniversalTime());
        parameters.AddWithValue($"{charge.ProductName}, {charge.CategoryName}");
        parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Text, charge.Zones.ToArray());
        parameters.AddWithValue(charge.Purpose);
        parameters.AddWithValue(charge.Price.ExclVatOre);
        parameters.AddWithValue(charge.Price.VatOre);
        parameters.AddWithValue(charge.Price.TotalOre);
        parameters.AddWithValue(entry.IdempotencyKey);
        parameters.AddWithValue((object?)receipt.Ticket?.Id ?? DBNull.Value);
        parameters.AddWithValue(receipt.Credit.LimitOre);
        parameters.AddWithValue(receipt.Credit.UsedOre);
        return command;
    }
}
