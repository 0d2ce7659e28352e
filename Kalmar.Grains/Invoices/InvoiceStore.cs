using Kalmar.Contracts.Domain;
using Kalmar.Grains.Notifications;
using Npgsql;

namespace Kalmar.Grains.Invoices;

/// <summary>
/// The month close in SQL: which months are due, and closing one in a single transaction that freezes its lines into
/// <c>invoice_lines</c>, takes the year's next number, writes the invoice and enqueues its e-mail. Either all of it
/// happens or none: a failed close leaves no invoice, no frozen line, no used number and no e-mail.
/// </summary>
public sealed class InvoiceStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        """
        id, company_id, month, at, kind, traveller_id, traveller_name, employee_number, department_id, department_name,
        reference, cost_centre, product, zones, purpose, amount_excl_vat_ore, vat_ore, total_ore
        """;

    public async Task<IReadOnlyList<Guid>> CompanyIdsAsync()
    {
        await using var command = dataSource.CreateCommand("select id from companies");
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    /// <summary>
    /// The months before <paramref name="openMonth"/> that need an invoice: those with lines on no invoice yet. A line
    /// written after its month was closed (a crash delayed it past the close) goes on the newest month due instead.
    /// </summary>
    public async Task<IReadOnlyList<string>> MonthsToCloseAsync(Guid companyId, string openMonth)
    {
        await using var command = dataSource.CreateCommand(
            """
            select m from (
              select distinct case when exists (select 1 from invoices i where i.company_id = $1 and i.month = s.month) then $3 else s.month end as m
              from invoice_line_source s
              where s.company_id = $1 and s.month < $2 and not exists (select 1 from invoice_lines f where f.id = s.id)) due
            where not exists (select 1 from invoices i where i.company_id = $1 and i.month = due.m)
            order by m
            """);
        command.Parameters.AddWithValue(companyId);
        command.Parameters.AddWithValue(openMonth);
        command.Parameters.AddWithValue(InvoiceMonth.Previous(openMonth));
        await using var reader = await command.ExecuteReaderAsync();
        var months = new List<string>();
        while (await reader.ReadAsync())
        {
            months.Add(reader.GetString(0));
        }

        return months;
    }

    /// <summary>Closes <paramref name="month"/>; null when it is closed already or has nothing to invoice.</summary>
    public async Task<ClosedInvoice?> CloseAsync(Guid companyId, string month, DateTimeOffset now)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        // The company's row lock makes closes of one company take turns (a stale activation's too).
        await using var company = new NpgsqlCommand(
            """
            select name, invoice_email, exists (select 1 from invoices where company_id = $1 and month = $2)
            from companies where id = $1 for update
            """, connection, transaction) { Parameters = { new() { Value = companyId }, new() { Value = month } } };
        string name, email;
        await using (var reader = await company.ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync() || reader.GetBoolean(2))
            {
                return null;
            }

            (name, email) = (reader.GetString(0), reader.GetString(1));
        }

        var invoiceId = Guid.CreateVersion7(now);
        await using var freeze = new NpgsqlCommand(
            $"""
            with frozen as (
              insert into invoice_lines (invoice_id, {Columns})
              select $1, {Columns} from invoice_line_source s
              where s.company_id = $2 and s.month <= $3 and not exists (select 1 from invoice_lines f where f.id = s.id)
              returning amount_excl_vat_ore, vat_ore, total_ore)
            select count(*), coalesce(sum(amount_excl_vat_ore), 0)::bigint, coalesce(sum(vat_ore), 0)::bigint, coalesce(sum(total_ore), 0)::bigint
            from frozen
            """, connection, transaction) { Parameters = { new() { Value = invoiceId }, new() { Value = companyId }, new() { Value = month } } };
        long count, subtotal, vat, total;
        await using (var reader = await freeze.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            (count, subtotal, vat, total) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        }

        if (count == 0)
        {
            return null; // nothing bought: no invoice, no number
        }

        var issueDate = DateOnly.FromDateTime(Stockholm.ToLocal(now).DateTime);
        // Last, so the year's number row is held only for the moment before commit.
        await using var take = new NpgsqlCommand(
            """
            insert into invoice_numbers (year, next) values ($1, 2)
            on conflict (year) do update set next = invoice_numbers.next + 1
            returning next - 1
            """, connection, transaction) { Parameters = { new() { Value = issueDate.Year } } };
        var sequence = (int)(await take.ExecuteScalarAsync())!;
        var number = $"{issueDate.Year}{sequence:D5}";
        var invoice = new ClosedInvoice(
            invoiceId, companyId, month, number, InvoiceOcr.For(number), now, issueDate, issueDate.AddDays(InvoiceSeller.PaymentTermDays),
            subtotal, vat, total);

        await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { Insert(invoice, sequence) } };
        if (email.Length > 0)
        {
            batch.BatchCommands.Add(NotificationOutbox.Insert(NotificationTemplates.InvoiceIssued(invoice, name, email), now));
        }

        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return invoice;
    }

    private static NpgsqlBatchCommand Insert(ClosedInvoice invoice, int sequence) => new(
        """
        insert into invoices (id, company_id, month, year, sequence, number, ocr, issued_at, issue_date, due_date, subtotal_ore, vat_ore, total_ore)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
        """)
    {
        Parameters =
        {
            new() { Value = invoice.Id }, new() { Value = invoice.CompanyId }, new() { Value = invoice.Month },
            new() { Value = invoice.IssueDate.Year }, new() { Value = sequence }, new() { Value = invoice.Number },
            new() { Value = invoice.Ocr }, new() { Value = invoice.IssuedAt.ToUniversalTime() }, new() { Value = invoice.IssueDate },
            new() { Value = invoice.DueDate }, new() { Value = invoice.SubtotalOre }, new() { Value = invoice.VatOre },
            new() { Value = invoice.TotalOre },
        },
    };
}
