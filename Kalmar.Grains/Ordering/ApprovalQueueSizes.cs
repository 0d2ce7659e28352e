using Npgsql;

namespace Kalmar.Grains.Ordering;

/// <summary>The <c>approval_queue_sizes</c> table: each company's pending orders as a count and the oldest, for the metrics.</summary>
public sealed class ApprovalQueueSizes(NpgsqlDataSource dataSource)
{
    public async Task RecordAsync(Guid companyId, int pending, DateTimeOffset? oldestSubmittedAt)
    {
        await using var command = dataSource.CreateCommand(
            """
            insert into approval_queue_sizes (company_id, pending, oldest_submitted_at) values ($1, $2, $3)
            on conflict (company_id) do update set pending = excluded.pending, oldest_submitted_at = excluded.oldest_submitted_at
            """);
        command.Parameters.AddWithValue(companyId);
        command.Parameters.AddWithValue(pending);
        command.Parameters.AddWithValue((object?)oldestSubmittedAt?.ToUniversalTime() ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
    }
}
