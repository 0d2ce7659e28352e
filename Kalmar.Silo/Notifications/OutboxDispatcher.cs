using Kalmar.Contracts.Notifications;
using Kalmar.Grains.Notifications;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kalmar.Silo.Notifications;

/// <summary>
/// Drains the outbox on every silo, on the thread pool rather than the grain scheduler, while the
/// silo is active (<see cref="OutboxDispatcherLifecycle"/>). Each pass claims due unsent rows with
/// <c>for update skip locked</c> in one transaction, so two silos never hold the same row; sends
/// each; and, in the same transaction, marks it sent or counts the failure and schedules the next
/// attempt with a doubling delay. A row marked sent is never claimed again. A crash after a send
/// and before the commit sends that batch again: an SMS gateway or SMTP receiver recognises the
/// repeat by its id (the e-mail's Message-Id is made from it, see <see cref="EmailMessageFactory"/>).
/// </summary>
public sealed partial class OutboxDispatcher(
    NpgsqlDataSource dataSource,
    IEmailSender emailSender,
    ISmsSender smsSender,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int MaxErrorLength = 2000;

    private const string ClaimDue =
        """
        select id, channel, recipient, subject, body, html_body, attempts
        from outbox
        where sent_at is null and next_attempt_at <= $1
        order by next_attempt_at
        limit $2
        for update skip locked
        """;

    private const string MarkSent = "update outbox set sent_at = $2, attempts = attempts + 1, last_error = null where id = $1";

    private const string MarkSentAndForgetBody =
        "update outbox set sent_at = $2, attempts = attempts + 1, last_error = null, body = '', html_body = null where id = $1";

    private const string MarkFailed = "update outbox set attempts = attempts + 1, last_error = $2, next_attempt_at = $3 where id = $1";

    /// <summary>How long to wait after the <paramref name="attempts"/>th failed attempt: 2, 4, 8 … seconds, at most <paramref name="max"/>.</summary>
    public static TimeSpan RetryDelay(int attempts, TimeSpan max) =>
        attempts >= 30 ? max : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, attempts), max.TotalSeconds));

    /// <summary>One pass: claims up to a batch of due messages and tries each once. Returns how many it claimed.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var due = await ClaimAsync(connection, transaction, cancellationToken);
        foreach (var (message, attempts) in due)
        {
            Exception? failure = null;
            try
            {
                await SendAsync(message, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                failure = exception;
            }

            // What was sent is recorded even while the silo stops, so it is not sent again.
            if (failure is null)
            {
                await ExecuteAsync(connection, transaction, options.Value.KeepSentBodies ? MarkSent : MarkSentAndForgetBody, message.Id, clock.GetUtcNow());
                LogSent(message.Id, message.Channel, attempts + 1);
            }
            else
            {
                var delay = RetryDelay(attempts + 1, options.Value.MaxRetryDelay);
                await ExecuteAsync(connection, transaction, MarkFailed, message.Id, Describe(failure), clock.GetUtcNow() + delay);
                LogSendFailed(failure, message.Id, message.Channel, attempts + 1, delay);
            }
        }

        await transaction.CommitAsync(CancellationToken.None);
        return due.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchDueAsync(stoppingToken) == options.Value.BatchSize && !stoppingToken.IsCancellationRequested)
                {
                    // A full batch: more may be due, so go on without resting.
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database may be away for a moment, or not yet migrated while the silo starts; try again next time.
                LogPassFailed(exception);
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<List<(OutgoingMessage Message, int Attempts)>> ClaimAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ClaimDue, connection, transaction);
        command.Parameters.AddWithValue(clock.GetUtcNow());
        command.Parameters.AddWithValue(options.Value.BatchSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var due = new List<(OutgoingMessage, int)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var message = new OutgoingMessage(
                reader.GetGuid(0),
                MessageChannelNames.Parse(reader.GetString(1)),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5));
            due.Add((message, reader.GetInt32(6)));
        }

        return due;
    }

    private Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken) => message.Channel switch
    {
        MessageChannel.Email => emailSender.SendAsync(message, cancellationToken),
        MessageChannel.Sms => smsSender.SendAsync(message, cancellationToken),
        _ => throw new InvalidOperationException($"No sender for channel {message.Channel}."),
    };

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static string Describe(Exception exception)
    {
        var text = $"{exception.GetType().Name}: {exception.Message}";
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {MessageId} ({Channel}) sent on attempt {Attempt}")]
    private partial void LogSent(Guid messageId, MessageChannel channel, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({Channel}) failed on attempt {Attempt}; next attempt in {Delay}")]
    private partial void LogSendFailed(Exception exception, Guid messageId, MessageChannel channel, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "An outbox pass failed; the dispatcher tries again at its next poll")]
    private partial void LogPassFailed(Exception exception);
}
