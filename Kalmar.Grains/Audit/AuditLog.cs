using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Kalmar.Grains.Audit;

/// <summary>
/// Writes <c>audit_log</c>. <see cref="Insert"/> is a command for the transaction that makes the change itself
/// durable; <see cref="AppendAsync"/> is for changes stored elsewhere (a grain's own storage), written right after
/// them with an event id, so the retry that finishes such a change writes its entry once.
/// </summary>
public sealed class AuditLog(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static NpgsqlBatchCommand Insert(AuditRecord entry)
    {
        var command = new NpgsqlBatchCommand(
            """
            insert into audit_log (at, company_id, actor_id, actor_name, action, target_id, target_name, before, after, event_id)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (event_id) do nothing
            """);
        var parameters = command.Parameters;
        parameters.AddWithValue(entry.At.ToUniversalTime());
        parameters.AddWithValue(NpgsqlDbType.Uuid, (object?)entry.CompanyId ?? DBNull.Value);
        parameters.AddWithValue(NpgsqlDbType.Uuid, entry.Actor.Id == Guid.Empty ? DBNull.Value : entry.Actor.Id);
        parameters.AddWithValue(entry.Actor.Name);
        parameters.AddWithValue(entry.Action);
        parameters.AddWithValue(NpgsqlDbType.Uuid, (object?)entry.TargetId ?? DBNull.Value);
        parameters.AddWithValue(entry.TargetName);
        parameters.AddWithValue(NpgsqlDbType.Jsonb, ToJson(entry.Before));
        parameters.AddWithValue(NpgsqlDbType.Jsonb, ToJson(entry.After));
        parameters.AddWithValue(NpgsqlDbType.Uuid, (object?)entry.EventId ?? DBNull.Value);
        return command;
    }

    public async Task AppendAsync(AuditRecord entry)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { Insert(entry) } };
        await batch.ExecuteNonQueryAsync();
    }

    private static object ToJson(object? value) => value is null ? DBNull.Value : JsonSerializer.Serialize(value, value.GetType(), Json);
}
