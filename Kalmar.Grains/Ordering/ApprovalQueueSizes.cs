using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kalmar.Grains.Ordering;

/// <summary>
/// The <c>approval_queue_sizes</c> table: each company's pending orders as a count and the oldest, for the metrics. A
/// failed write only leaves a figure stale until the queue's next change or activation, so it never fails the queue.
/// </summary>
public sealed partial class ApprovalQueueSizes(NpgsqlDataSource dataSource, ILogger<ApprovalQueueSizes> logger)
{
    public async Task RecordAsync(Guid companyId, int pending, DateTimeOffset? oldestSubmittedAt)
    {
        try
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
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            LogNotRecorded(exception, companyId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The approval queue size of company {CompanyId} was not recorded")]
    private partial void LogNotRecorded(Exception exception, Guid companyId);
}
