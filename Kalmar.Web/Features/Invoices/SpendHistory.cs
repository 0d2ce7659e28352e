using Npgsql;
using NpgsqlTypes;

namespace Kalmar.Web.Features.Invoices;

/// <summary>The Fakturor page's spend per department and month (closed months as invoiced, open ones as they stand), and its departments.</summary>
public sealed class SpendHistory(NpgsqlDataSource dataSource)
{
    /// <summary>From <paramref name="fromMonth"/> on, the months with spend only, as <see cref="InvoiceReader.ListAsync"/> counts them.</summary>
    public async Task<IReadOnlyList<DepartmentMonthSpend>> SinceAsync(InvoiceScope scope, string fromMonth)
    {
        await using var command = dataSource.CreateCommand(
            """
            select month, department_id, sum(total)::bigint from (
              select i.month, l.department_id, l.total_ore as total from invoices i join invoice_lines l on l.invoice_id = i.id
              where i.company_id = $1 and i.month >= $3 and ($2::uuid[] is null or l.department_id = any($2))
              union all
              select s.month, s.department_id, s.total_ore from invoice_line_source s
              where s.company_id = $1 and s.month >= $3 and ($2::uuid[] is null or s.department_id = any($2))
                and not exists (select 1 from invoice_lines f where f.id = s.id)
                and not exists (select 1 from invoices i where i.company_id = $1 and i.month = s.month)
            ) spend group by month, department_id order by month, department_id
            """);
        command.Parameters.AddWithValue(scope.CompanyId);
        command.Parameters.Add(Departments(scope));
        command.Parameters.AddWithValue(fromMonth);
        await using var reader = await command.ExecuteReaderAsync();
        var spend = new List<DepartmentMonthSpend>();
        while (await reader.ReadAsync())
        {
            spend.Add(new DepartmentMonthSpend(reader.GetString(0), reader.GetGuid(1), reader.GetInt64(2)));
        }

        return spend;
    }

    /// <summary>The departments in scope, by name; also those removed since but still on the company's invoices.</summary>
    public async Task<IReadOnlyList<DepartmentName>> DepartmentsAsync(InvoiceScope scope)
    {
        await using var command = dataSource.CreateCommand(
            """
            select id, max(name), max(reference) from (
              select d.id, d.name, d.reference from departments d where d.company_id = $1
              union all
              select s.department_id, s.department_name, s.reference from invoice_line_source s
              where s.company_id = $1 and not exists (select 1 from departments d where d.id = s.department_id)
            ) known where $2::uuid[] is null or id = any($2)
            group by id order by lower(max(name)), id
            """);
        command.Parameters.AddWithValue(scope.CompanyId);
        command.Parameters.Add(Departments(scope));
        await using var reader = await command.ExecuteReaderAsync();
        var departments = new List<DepartmentName>();
        while (await reader.ReadAsync())
        {
            departments.Add(new DepartmentName(reader.GetGuid(0), reader.GetString(1), reader.GetString(2)));
        }

        return departments;
    }

    private static NpgsqlParameter Departments(InvoiceScope scope) => new()
    {
        NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid,
        Value = scope.DepartmentIds is { } ids ? ids.ToArray() : DBNull.Value,
    };
}
