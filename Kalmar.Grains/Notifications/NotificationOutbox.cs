using Kalmar.Contracts.Notifications;
using Npgsql;
using NpgsqlTypes;

namespace Kalmar.Grains.Notifications;

/// <summary>
/// The <c>outbox</c> table. Insert-or-skip by id, so a grain that enqueues again after a crash or a
/// retried call adds nothing; the dispatcher on the silos sends what is stored.
/// </summary>
public sealed class NotificationOutbox(NpgsqlDataSource dataSource, TimeProvider clock) : INotificationOutbox
{
    private const string InsertRow =
        """
        insert into outbox (id, channel, recipient, subject, body, html_body, created_at, attempts, next_attempt_at)
        values ($1, $2, $3, $4, $5, $6, $7, 0, $7)
        on conflict (id) do nothing
        """;

    public async Task EnqueueAsync(IReadOnlyCollection<OutgoingMessage> messages, CancellationToken cancellationToken = default)
    {
        if (messages.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var message in messages)
        {
            batch.BatchCommands.Add(Insert(message, now));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The insert of one message, for a transaction that makes what the message tells of durable with it.</summary>
    public static NpgsqlBatchCommand Insert(OutgoingMessage message, DateTimeOffset now)
    {
        var command = new NpgsqlBatchCommand(InsertRow);
        command.Parameters.AddWithValue(message.Id);
        command.Parameters.AddWithValue(message.Channel.ToName());
        command.Parameters.AddWithValue(message.To);
        command.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)message.Subject ?? DBNull.Value);
        command.Parameters.AddWithValue(message.Body);
        command.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)message.HtmlBody ?? DBNull.Value);
        command.Parameters.AddWithValue(now.ToUniversalTime());
        return command;
    }
}
