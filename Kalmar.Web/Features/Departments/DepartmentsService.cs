using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Payloads;
using Npgsql;

namespace Kalmar.Web.Features.Departments;

/// <summary>The company admin's departments: the list reads the read model, changes go to the company grain.</summary>
public sealed class DepartmentsService(IClusterClient cluster, NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<DepartmentListItem>> ListAsync(AdminScope scope)
    {
        await using var command = dataSource.CreateCommand(
            """
            select d.id, d.name, d.reference, d.cost_centre,
                   (select count(*) from users u where u.department_id = d.id),
                   coalesce((select array_agg(a.id order by a.last_name, a.first_name) from users a
                             where a.company_id = d.company_id and a.active and d.id = any(a.admin_of)), '{}'),
                   coalesce((select array_agg(a.first_name || ' ' || a.last_name order by a.last_name, a.first_name) from users a
                             where a.company_id = d.company_id and a.active and d.id = any(a.admin_of)), '{}')
            from departments d where d.company_id = $1 and ($2 or d.id = any($3))
            order by lower(d.name)
            """);
        command.Parameters.AddWithValue(scope.CompanyId);
        command.Parameters.AddWithValue(scope.WholeCompany);
        command.Parameters.AddWithValue(scope.DepartmentIds.ToArray());
        var departments = new List<DepartmentListItem>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var adminIds = reader.GetFieldValue<Guid[]>(5);
            var adminNames = reader.GetFieldValue<string[]>(6);
            departments.Add(new DepartmentListItem(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4),
                [.. adminIds.Zip(adminNames, (id, name) => new NamedRef(id, name))]));
        }

        return departments;
    }

    public Task<Outcome<DepartmentInfo>> CreateAsync(AdminScope scope, DepartmentFields fields) =>
        Company(scope).CreateDepartmentAsync(fields, scope.Actor);

    public Task<Outcome<DepartmentInfo>> UpdateAsync(AdminScope scope, Guid departmentId, DepartmentFields change) =>
        Company(scope).UpdateDepartmentAsync(departmentId, change, scope.Actor);

    public Task<Outcome<DepartmentInfo>> DeleteAsync(AdminScope scope, Guid departmentId) =>
        Company(scope).DeleteDepartmentAsync(departmentId, scope.Actor);

    private ICompanyGrain Company(AdminScope scope) => cluster.GetGrain<ICompanyGrain>(scope.CompanyId);
}
