using System.Text.Json;
using Kalmar.Contracts.Domain;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Travellers;
using Kalmar.Web.Payloads;
using Npgsql;

namespace Kalmar.Web.Features.Audit;

/// <summary>
/// Reads the append-only <c>audit_log</c> of the admin's company, newest first. A department admin sees the entries
/// on travellers in their departments; a company admin sees everything of the company.
/// </summary>
public sealed class AuditTrail(NpgsqlDataSource dataSource)
{
    private const string From =
        """
        from audit_log a
        where a.company_id = $1
          and ($2 or a.target_id in (select u.id from users u where u.company_id = $1 and u.department_id = any($3)))
          and ($4::uuid is null or a.target_id = $4)
          and ($5::text is null or a.action = $5)
          and ($6::timestamptz is null or a.at >= $6)
          and ($7::timestamptz is null or a.at < $7)
        """;

    public async Task<Paged<AuditEntry>> SearchAsync(AdminScope scope, AuditQuery query)
    {
        var page = Math.Max(query.Page, 1);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command($"select count(*) {From}", scope, query));
        var select = Command($"select a.at, a.actor_id, a.actor_name, a.action, a.target_id, a.target_name, a.before, a.after {From} order by a.id desc limit $8 offset $9", scope, query);
        select.Parameters.AddWithValue(AuditQuery.PageSize);
        select.Parameters.AddWithValue((page - 1) * AuditQuery.PageSize);
        batch.BatchCommands.Add(select);
        await using var reader = await batch.ExecuteReaderAsync();
        await reader.ReadAsync();
        var total = reader.GetInt64(0);
        await reader.NextResultAsync();
        var items = new List<AuditEntry>();
        await foreach (var entry in ReadAsync(reader))
        {
            items.Add(entry);
        }

        return new Paged<AuditEntry>(items, page, AuditQuery.PageSize, total);
    }

    /// <summary>Every entry the query matches, newest first, read as it is written out (for the CSV export).</summary>
    public async IAsyncEnumerable<AuditEntry> AllAsync(AdminScope scope, AuditQuery query)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands = { Command($"select a.at, a.actor_id, a.actor_name, a.action, a.target_id, a.target_name, a.before, a.after {From} order by a.id desc", scope, query) },
        };
        await using var reader = await batch.ExecuteReaderAsync();
        await foreach (var entry in ReadAsync(reader))
        {
            yield return entry;
        }
    }

    private static async IAsyncEnumerable<AuditEntry> ReadAsync(NpgsqlDataReader reader)
    {
        while (await reader.ReadAsync())
        {
            JsonElement? Json(int i) => reader.IsDBNull(i) ? null : JsonDocument.Parse(reader.GetString(i)).RootElement.Clone();
            yield return new AuditEntry(
                reader.GetFieldValue<DateTimeOffset>(0),
                new NamedRef(reader.IsDBNull(1) ? Guid.Empty : reader.GetGuid(1), reader.GetString(2)),
                reader.GetString(3),
                new NamedRef(reader.IsDBNull(4) ? Guid.Empty : reader.GetGuid(4), reader.GetString(5)),
                Json(6), Json(7));
        }
    }

    private static NpgsqlBatchCommand Command(string sql, AdminScope scope, AuditQuery query)
    {
        var command = new NpgsqlBatchCommand(sql);
        var p = command.Parameters;
        p.AddWithValue(scope.CompanyId);
        p.AddWithValue(scope.WholeCompany);
        p.AddWithValue(scope.DepartmentIds.ToArray());
        p.Add(new NpgsqlParameter<Guid?> { TypedValue = query.TargetId });
        p.Add(new NpgsqlParameter<string?> { TypedValue = string.IsNullOrWhiteSpace(query.Action) ? null : query.Action });
        p.Add(new NpgsqlParameter<DateTimeOffset?> { TypedValue = StartOf(query.From) });
        p.Add(new NpgsqlParameter<DateTimeOffset?> { TypedValue = StartOf(query.To?.AddDays(1)) });
        return command;
    }

    private static DateTimeOffset? StartOf(DateOnly? day) =>
        day is { } date ? Stockholm.StartOfDay(date).ToUniversalTime() : null;
}
