using Kalmar.Contracts.Model;
using Npgsql;
using NpgsqlTypes;

namespace Kalmar.Grains.Companies;

/// <summary>
/// Companies in <c>companies</c> and their departments in <c>departments</c>: a company grain's state, and what
/// invoices and the operator's list read. Every change bumps the company's version, so a stale activation's write
/// changes nothing, and goes in one transaction with its audit entries.
/// </summary>
public sealed class CompanyStore(NpgsqlDataSource dataSource)
{
    public async Task<(CompanyInfo? Company, long Version)> LoadAsync(Guid companyId)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            """
            select name, org_number, invoice_email, invoice_street, invoice_postal_code, invoice_city, staff_offer_available,
                   max_monthly_limit_ore, version, payroll_deduction
            from companies where id = $1
            """) { Parameters = { new() { Value = companyId } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            "select id, name, reference, cost_centre from departments where company_id = $1 order by lower(name)")
            { Parameters = { new() { Value = companyId } } });
        await using var reader = await batch.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return (null, 0);
        }

        var company = new CompanyInfo(companyId, reader.GetString(0), reader.GetBoolean(6), [])
        {
            OrgNumber = reader.IsDBNull(1) ? null : reader.GetString(1),
            InvoiceEmail = reader.GetString(2),
            InvoiceAddress = new PostalAddress(reader.GetString(3), reader.GetString(4), reader.GetString(5)),
            MaxMonthlyLimitOre = reader.GetInt64(7),
            PayrollDeduction = reader.GetString(9),
        };
        var version = reader.GetInt64(8);
        await reader.NextResultAsync();
        var departments = new List<DepartmentInfo>();
        while (await reader.ReadAsync())
        {
            departments.Add(new DepartmentInfo(reader.GetGuid(0), reader.GetString(1), reader.GetString(2)) { CostCentre = reader.GetString(3) });
        }

        return (company with { Departments = departments }, version);
    }

    public async Task<IReadOnlyList<CompanyMember>> AdminsAsync(Guid companyId)
    {
        await using var command = dataSource.CreateCommand(
            """
            select id, first_name || ' ' || last_name, email, department_id, roles, admin_of from users
            where company_id = $1 and active and roles && array['company-admin', 'department-admin']
            order by last_name, first_name
            """);
        command.Parameters.AddWithValue(companyId);
        var admins = new List<CompanyMember>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            admins.Add(new CompanyMember(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? Guid.Empty : reader.GetGuid(3),
                [.. reader.GetFieldValue<string[]>(4).Select(RoleNames.Parse)], reader.GetFieldValue<Guid[]>(5)));
        }

        return admins;
    }

    /// <summary>
    /// Writes the company at <paramref name="version"/> (insert at 1, else update from the version below) with
    /// <paramref name="alongside"/>, in one transaction.
    /// </summary>
    /// <returns>
    /// Null when written; otherwise the unique index that refused it (a taken organisation number or department), or
    /// <see cref="NothingChanged"/> when a command of <paramref name="alongside"/> changed no row.
    /// </returns>
    /// <exception cref="InvalidOperationException">A stale activation: the stored company is not at the version below.</exception>
    public async Task<string?> CommitAsync(CompanyInfo company, long version, IReadOnlyList<NpgsqlBatchCommand> alongside)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { Save(company, version) } };
        foreach (var command in alongside)
        {
            batch.BatchCommands.Add(command);
        }

        try
        {
            await batch.ExecuteNonQueryAsync();
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return exception.ConstraintName;
        }

        if (batch.BatchCommands[0].RecordsAffected != 1)
        {
            throw new InvalidOperationException($"Company {company.Id} was changed by another activation; nothing was written.");
        }

        if (Enumerable.Skip<NpgsqlBatchCommand>(batch.BatchCommands, 1).Any(command => command.RecordsAffected == 0))
        {
            await transaction.RollbackAsync();
            return NothingChanged;
        }

        await transaction.CommitAsync();
        return null;
    }

    public const string NothingChanged = "nothing-changed";

    public static NpgsqlBatchCommand InsertDepartment(Guid companyId, DepartmentInfo department) =>
        DepartmentCommand("insert into departments (id, company_id, name, reference, cost_centre) values ($1, $2, $3, $4, $5)", companyId, department);

    public static NpgsqlBatchCommand UpdateDepartment(Guid companyId, DepartmentInfo department) =>
        DepartmentCommand("update departments set name = $3, reference = $4, cost_centre = $5 where id = $1 and company_id = $2", companyId, department);

    /// <summary>Deletes the department only while nobody belongs to it: then it affects one row, else none.</summary>
    public static NpgsqlBatchCommand DeleteEmptyDepartment(Guid departmentId) => new(
        "delete from departments where id = $1 and not exists (select 1 from users where department_id = $1)")
        { Parameters = { new() { Value = departmentId } } };

    private static NpgsqlBatchCommand DepartmentCommand(string sql, Guid companyId, DepartmentInfo department) => new(sql)
    {
        Parameters =
        {
            new() { Value = department.Id }, new() { Value = companyId }, new() { Value = department.Name },
            new() { Value = department.Reference }, new() { Value = department.CostCentre },
        },
    };

    private static NpgsqlBatchCommand Save(CompanyInfo company, long version)
    {
        var command = new NpgsqlBatchCommand(version == 1
            ? """
              insert into companies (id, name, org_number, invoice_email, invoice_street, invoice_postal_code, invoice_city,
                                     staff_offer_available, max_monthly_limit_ore, created_at, version, payroll_deduction)
              values ($1, $2, $3, $4, $5, $6, $7, $8, $9, now(), $10, $11) on conflict (id) do nothing
              """
            : """
              update companies set name = $2, org_number = $3, invoice_email = $4, invoice_street = $5, invoice_postal_code = $6,
                invoice_city = $7, staff_offer_available = $8, max_monthly_limit_ore = $9, version = $10, payroll_deduction = $11
              where id = $1 and version = $10 - 1
              """);
        var p = command.Parameters;
        p.AddWithValue(company.Id);
        p.AddWithValue(company.Name);
        p.AddWithValue(NpgsqlDbType.Text, (object?)company.OrgNumber ?? DBNull.Value);
        p.AddWithValue(company.InvoiceEmail);
        p.AddWithValue(company.InvoiceAddress.Street);
        p.AddWithValue(company.InvoiceAddress.PostalCode);
        p.AddWithValue(company.InvoiceAddress.City);
        p.AddWithValue(company.StaffOfferAvailable);
        p.AddWithValue(company.MaxMonthlyLimitOre);
        p.AddWithValue(version);
        p.AddWithValue(company.PayrollDeduction);
        return command;
    }
}
