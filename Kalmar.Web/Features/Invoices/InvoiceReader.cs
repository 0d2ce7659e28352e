using System.Runtime.CompilerServices;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Npgsql;
using NpgsqlTypes;

namespace Kalmar.Web.Features.Invoices;

/// <summary>
/// Reads invoices for the API: a closed month from the lines its close froze (<c>invoice_lines</c>), an open month live
/// from the ledgers (<c>invoice_line_source</c>, lines not yet on any invoice). Lines are streamed from the data reader.
/// </summary>
public sealed class InvoiceReader(NpgsqlDataSource dataSource, TimeProvider clock)
{
    // $1 company, $2 month, $3 departments (null: all), $4 the closed invoice (null: open month).
    private const string OpenLines =
        """
        from invoice_line_source s
        where s.company_id = $1 and s.month = $2 and ($3::uuid[] is null or s.department_id = any($3))
          and not exists (select 1 from invoice_lines f where f.id = s.id)
        """;

    private const string ClosedLines = "from invoice_lines s where s.invoice_id = $4 and ($3::uuid[] is null or s.department_id = any($3))";

    public string CurrentMonth => Stockholm.MonthOf(clock.GetUtcNow());

    public async Task<bool> DepartmentExistsAsync(Guid companyId, Guid departmentId)
    {
        await using var command = dataSource.CreateCommand(
            """
            select exists (select 1 from departments where id = $1 and company_id = $2)
                or exists (select 1 from invoice_line_source where department_id = $1 and company_id = $2)
            """);
        command.Parameters.AddWithValue(departmentId);
        command.Parameters.AddWithValue(companyId);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    public async Task<InvoiceHeader> HeaderAsync(Guid companyId, string month)
    {
        await using var command = dataSource.CreateCommand(
            "select id, number, ocr, issued_at, issue_date, due_date from invoices where company_id = $1 and month = $2");
        command.Parameters.AddWithValue(companyId);
        command.Parameters.AddWithValue(month);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new InvoiceHeader(companyId, month, reader.GetGuid(0), reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateOnly>(4), reader.GetFieldValue<DateOnly>(5))
            : new InvoiceHeader(companyId, month, null, null, null, null, null, null);
    }

    public async Task<IReadOnlyList<InvoiceDepartment>> DepartmentsAsync(InvoiceHeader header, InvoiceScope scope)
    {
        await using var command = Command(
            $"""
            select s.department_id, max(s.department_name), max(s.reference), max(s.cost_centre),
                   sum(s.amount_excl_vat_ore)::bigint, sum(s.vat_ore)::bigint, sum(s.total_ore)::bigint
            {From(header)} group by s.department_id order by max(s.reference), s.department_id
            """, header, scope);
        await using var reader = await command.ExecuteReaderAsync();
        var departments = new List<InvoiceDepartment>();
        while (await reader.ReadAsync())
        {
            departments.Add(new InvoiceDepartment(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6)));
        }

        return departments;
    }

    /// <summary>The lines, grouped by invoice reference and then by time, read as the caller writes them out.</summary>
    public async IAsyncEnumerable<InvoiceLine> LinesAsync(InvoiceHeader header, InvoiceScope scope, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = Command(
            $"""
            select s.id, s.at, s.traveller_name, s.employee_number, s.department_name, s.reference, s.cost_centre, s.kind,
                   s.product, s.zones, s.purpose, s.amount_excl_vat_ore, s.vat_ore, s.total_ore
            {From(header)} order by s.reference, s.at, s.id
            """, header, scope);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new InvoiceLine(
                reader.GetGuid(0), DateOnly.FromDateTime(Stockholm.ToLocal(reader.GetFieldValue<DateTimeOffset>(1)).DateTime),
                reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7),
                reader.GetString(8), reader.GetFieldValue<string[]>(9), reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.GetInt64(11), reader.GetInt64(12), reader.GetInt64(13));
        }
    }

    /// <summary>Per traveller with staff-offer lines: what the salary system deducts.</summary>
    public async IAsyncEnumerable<PayrollRow> PayrollAsync(InvoiceHeader header, InvoiceScope scope, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = Command(
            $"""
            select max(s.employee_number), max(s.traveller_name), max(s.department_name), sum(s.total_ore)::bigint
            {From(header)} and s.kind = 'staff-offer' group by s.traveller_id order by max(s.traveller_name), s.traveller_id
            """, header, scope);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new PayrollRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3));
        }
    }

    public async Task<InvoiceBuyer?> BuyerAsync(Guid companyId)
    {
        await using var command = dataSource.CreateCommand(
            "select name, org_number, invoice_street, invoice_postal_code, invoice_city, payroll_deduction from companies where id = $1");
        command.Parameters.AddWithValue(companyId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new InvoiceBuyer(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                new PostalAddress(reader.GetString(2), reader.GetString(3), reader.GetString(4)), reader.GetString(5))
            : null;
    }

    /// <summary>The company's months, newest first: every closed invoice, every month with lines not yet invoiced, and this month.</summary>
    public async Task<IReadOnlyList<InvoiceListItem>> ListAsync(InvoiceScope scope)
    {
        await using var command = dataSource.CreateCommand(
            """
            select month, max(number), sum(total)::bigint, bool_or(closed) from (
              select i.month, i.number, i.total_ore as total, true as closed from invoices i where i.company_id = $1 and $2::uuid[] is null
              union all
              select i.month, i.number, l.total_ore, true from invoices i join invoice_lines l on l.invoice_id = i.id
              where i.company_id = $1 and l.department_id = any($2)
              union all
              select s.month, null, s.total_ore, false from invoice_line_source s
              where s.company_id = $1 and ($2::uuid[] is null or s.department_id = any($2))
                and not exists (select 1 from invoice_lines f where f.id = s.id)
                and not exists (select 1 from invoices i where i.company_id = $1 and i.month = s.month)
            ) months group by month order by month desc
            """);
        command.Parameters.AddWithValue(scope.CompanyId);
        command.Parameters.Add(Departments(scope));
        var items = new List<InvoiceListItem>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var closed = reader.GetBoolean(3);
                items.Add(new InvoiceListItem(reader.GetString(0), closed ? "closed" : "open", closed ? reader.GetString(1) : null, reader.GetInt64(2)));
            }
        }

        if (!items.Any(item => item.Month == CurrentMonth))
        {
            items.Insert(0, new InvoiceListItem(CurrentMonth, "open", null, 0));
        }

        return items;
    }

    /// <summary>Every company's invoice of <paramref name="month"/>: its total when closed, the running total while open.</summary>
    public async Task<IReadOnlyList<CompanyInvoiceStatus>> AllCompaniesAsync(string month)
    {
        await using var command = dataSource.CreateCommand(
            """
            select c.id, c.name, c.org_number, i.number, coalesce(i.total_ore, (
              select coalesce(sum(s.total_ore), 0) from invoice_line_source s
              where s.company_id = c.id and s.month = $1 and not exists (select 1 from invoice_lines f where f.id = s.id)))::bigint
            from companies c left join invoices i on i.company_id = c.id and i.month = $1
            order by c.name, c.id
            """);
        command.Parameters.AddWithValue(month);
        await using var reader = await command.ExecuteReaderAsync();
        var companies = new List<CompanyInvoiceStatus>();
        while (await reader.ReadAsync())
        {
            var number = reader.IsDBNull(3) ? null : reader.GetString(3);
            companies.Add(new CompanyInvoiceStatus(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                number is null ? "open" : "closed", number, reader.GetInt64(4)));
        }

        return companies;
    }

    /// <summary>The invoices closed for <paramref name="month"/>, by number: what KLT books.</summary>
    public async IAsyncEnumerable<IssuedInvoice> IssuedAsync(string month, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            select c.name, c.org_number, i.number, i.ocr, i.issue_date, i.due_date, i.subtotal_ore, i.vat_ore, i.total_ore
            from invoices i join companies c on c.id = i.company_id where i.month = $1 order by i.number
            """);
        command.Parameters.AddWithValue(month);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new IssuedInvoice(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2),
                reader.GetString(3), reader.GetFieldValue<DateOnly>(4), reader.GetFieldValue<DateOnly>(5), reader.GetInt64(6),
                reader.GetInt64(7), reader.GetInt64(8));
        }
    }

    private static string From(InvoiceHeader header) => header.Closed ? ClosedLines : OpenLines;

    private NpgsqlCommand Command(string sql, InvoiceHeader header, InvoiceScope scope)
    {
        var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = header.CompanyId });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = header.Month });
        command.Parameters.Add(Departments(scope));
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = (object?)header.InvoiceId ?? DBNull.Value });
        return command;
    }

    private static NpgsqlParameter Departments(InvoiceScope scope) => new()
    {
        NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid,
        Value = scope.DepartmentIds is { } ids ? ids.ToArray() : DBNull.Value,
    };
}
