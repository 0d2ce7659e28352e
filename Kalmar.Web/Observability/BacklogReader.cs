using Kalmar.Contracts.Hosting;
using Npgsql;

namespace Kalmar.Web.Observability;

/// <summary>
/// Reads what waits, in one round trip: the unsent outbox (through its partial index of unsent rows) and the approval
/// queues' pending orders (one row each; their oldest through an index).
/// </summary>
public sealed class BacklogReader(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const string Query =
        """
        select (select count(*) from outbox where sent_at is null),
               (select min(created_at) from outbox where sent_at is null),
               (select count(*) from approval_queue),
               (select min(submitted_at) from approval_queue)
        """;

    public async Task<Backlog> ReadAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Query);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var now = time.GetUtcNow();
        return new Backlog(reader.GetInt64(0), AgeAt(reader, 1, now), reader.GetInt64(2), AgeAt(reader, 3, now));
    }

    private static TimeSpan AgeAt(NpgsqlDataReader reader, int column, DateTimeOffset now) =>
        reader.IsDBNull(column) ? TimeSpan.Zero : now - reader.GetFieldValue<DateTimeOffset>(column);
}
