using Kalmar.Contracts.Notifications;
using Kalmar.Grains.Notifications;
using Kalmar.Silo.Extensions;
using Kalmar.Silo.Notifications;
using Kalmar.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kalmar.Tests.Notifications;

/// <summary>A fresh, migrated database of its own for each outbox test, and what tests read from its outbox table.</summary>
public static class OutboxDatabase
{
    public sealed record Row(Guid Id, DateTimeOffset? SentAt, int Attempts, string? LastError, DateTimeOffset NextAttemptAt);

    public static async Task<NpgsqlDataSource> CreateAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await (await PostgresServer.Shared).CreateDatabaseAsync());
        await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        return dataSource;
    }

    public static OutboxDispatcher Dispatcher(
        NpgsqlDataSource dataSource, RecordingSender sender, TimeProvider clock, int batchSize = 10, TimeSpan? pollInterval = null,
        bool keepSentBodies = true) =>
        new(dataSource, sender, sender,
            Options.Create(new OutboxOptions
            {
                BatchSize = batchSize, PollInterval = pollInterval ?? TimeSpan.FromMilliseconds(10), KeepSentBodies = keepSentBodies,
            }),
            clock, NullLogger<OutboxDispatcher>.Instance);

    /// <summary><paramref name="count"/> messages, every other one an SMS.</summary>
    public static OutgoingMessage[] Messages(int count, string topic = "test") =>
    [
        .. Enumerable.Range(0, count).Select(index => index % 2 == 0
            ? new OutgoingMessage(MessageIds.For(topic, index, "sms"), MessageChannel.Sms, "+46701112233", null, $"Sms {index}", null)
            : new OutgoingMessage(MessageIds.For(topic, index, "email"), MessageChannel.Email, "test@example.se", $"Ämne {index}", $"E-post {index}", $"<p>E-post {index}</p>")),
    ];

    public static async Task<Row[]> RowsAsync(NpgsqlDataSource dataSource) =>
    [
        .. await Sql.ReadAsync(dataSource, "select id, sent_at, attempts, last_error, next_attempt_at from outbox order by id", reader => new Row(
            reader.GetGuid(0),
            reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1),
            reader.GetInt32(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.GetFieldValue<DateTimeOffset>(4))),
    ];

    public static async Task<long> CountAsync(NpgsqlDataSource dataSource, string where = "true")
    {
        await using var command = dataSource.CreateCommand($"select count(*) from outbox where {where}");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
