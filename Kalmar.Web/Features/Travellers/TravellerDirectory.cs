using Kalmar.Contracts.Domain;
using Kalmar.Web.Auth;
using Kalmar.Web.Infrastructure;
using Kalmar.Web.Payloads;
using Npgsql;

namespace Kalmar.Web.Features.Travellers;

/// <summary>
/// The admin's traveller list as one query over the read model: <c>users</c> (each user grain's row), their
/// department and their credit account. Scope is part of the query, so nothing outside it is ever read.
/// </summary>
public sealed class TravellerDirectory(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string From =
        """
        from users u
        left join departments d on d.id = u.department_id
        left join credit_accounts c on c.traveller_id = u.id
        where u.company_id = $1 and ($2 or u.department_id = any($3))
          and ($4::text is null or u.search_text like $4)
          and ($5::uuid is null or u.department_id = $5)
          and ($6::text is null or ($6 = 'active' and u.active) or ($6 = 'inactive' and not u.active)
               or ($6 = 'invited' and u.active and u.password_hash is null))
          and ($7::boolean is null or coalesce(c.enabled, false) = $7)
        """;

    public async Task<Paged<TravellerListItem>> SearchAsync(AdminScope scope, TravellerQuery query)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, TravellerQuery.MaxPageSize);
        var page = Math.Max(query.Page, 1);
        var order = query.Sort switch
        {
            "email" => "u.email",
            "department" => "lower(d.name), lower(u.last_name), lower(u.first_name)",
            "employeeNumber" => "u.employee_number nulls last, lower(u.last_name)",
            _ => "lower(u.last_name), lower(u.first_name), u.email",
        };
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command($"select count(*) {From}", scope, query));
        var select = Command($"select {Columns} {From} order by {order} limit $9 offset $10", scope, query);
        select.Parameters.AddWithValue(pageSize);
        select.Parameters.AddWithValue((page - 1) * pageSize);
        batch.BatchCommands.Add(select);
        await using var reader = await batch.ExecuteReaderAsync();
        await reader.ReadAsync();
        var total = reader.GetInt64(0);
        await reader.NextResultAsync();
        return new Paged<TravellerListItem>(await ReadAllAsync(reader), page, pageSize, total);
    }

    /// <summary>One traveller in scope, or null (not there, or outside the admin's scope, which is the same to the admin).</summary>
    public async Task<TravellerListItem?> FindAsync(AdminScope scope, Guid travellerId)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} {From} and u.id = $9");
        AddScope(command.Parameters, scope, new TravellerQuery());
        command.Parameters.AddWithValue(travellerId);
        await using var reader = await command.ExecuteReaderAsync();
        return await ReadAllAsync(reader) is [var traveller, ..] ? traveller : null;
    }

    private const string Columns =
        """
        u.id, u.first_name, u.last_name, u.email, u.mobile, u.employee_number, u.department_id, coalesce(d.name, ''), u.active,
        u.password_hash is null, u.roles, u.admin_of, coalesce(c.enabled, false), coalesce(c.limit_ore, 0),
        case when c.month = $8 then c.used_ore else 0 end
        """;

    private NpgsqlBatchCommand Command(string sql, AdminScope scope, TravellerQuery query)
    {
        var command = new NpgsqlBatchCommand(sql);
        AddScope(command.Parameters, scope, query);
        return command;
    }

    private void AddScope(NpgsqlParameterCollection parameters, AdminScope scope, TravellerQuery query)
    {
        parameters.AddWithValue(scope.CompanyId);
        parameters.AddWithValue(scope.WholeCompany);
        parameters.AddWithValue(scope.DepartmentIds.ToArray());
        parameters.Add(new NpgsqlParameter<string?> { TypedValue = SearchPattern.Containing(query.Q?.ToLowerInvariant()) }); // search_text is lower case
        parameters.Add(new NpgsqlParameter<Guid?> { TypedValue = query.DepartmentId });
        parameters.Add(new NpgsqlParameter<string?> { TypedValue = query.Status is "active" or "inactive" or "invited" ? query.Status : null });
        parameters.Add(new NpgsqlParameter<bool?> { TypedValue = query.BusinessTravel });
        // $8 is this month, whose use the list shows; the caller adds what follows.
        parameters.Add(new NpgsqlParameter<string> { TypedValue = Stockholm.MonthOf(clock.GetUtcNow()) });
    }

    private static async Task<IReadOnlyList<TravellerListItem>> ReadAllAsync(NpgsqlDataReader reader)
    {
        var items = new List<TravellerListItem>();
        while (await reader.ReadAsync())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            var status = !reader.GetBoolean(8) ? "inactive" : reader.GetBoolean(9) ? "invited" : "active";
            items.Add(new TravellerListItem(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Text(4), Text(5),
                new NamedRef(reader.IsDBNull(6) ? Guid.Empty : reader.GetGuid(6), reader.GetString(7)), status,
                reader.GetFieldValue<string[]>(10), reader.GetFieldValue<Guid[]>(11),
                new TravellerCredit(reader.GetBoolean(12), reader.GetInt64(13), reader.GetInt64(14))));
        }

        return items;
    }
}
