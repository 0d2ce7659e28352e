using Kalmar.Grains.Notifications;
using Kalmar.Silo.Notifications;
using Kalmar.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace Kalmar.Tests.Notifications;

public sealed class OutboxDispatcherTests
{
    [Fact]
    public async Task FailingSendsAreRetriedWithBackoffUntilEachMessageIsSentOnce()
    {
        await using var dataSource = await OutboxDatabase.CreateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var messages = OutboxDatabase.Messages(6);
        await new NotificationOutbox(dataSource, clock).EnqueueAsync(messages);
        var sender = new RecordingSender(failuresPerMessage: 2);
        var dispatcher = OutboxDatabase.Dispatcher(dataSource, sender, clock);

        Assert.Equal(6, await dispatcher.DispatchDueAsync());
        var afterFirst = await OutboxDatabase.RowsAsync(dataSource);
        Assert.All(afterFirst, row => Assert.Contains("Simulated failure 1", row.LastError, StringComparison.Ordinal));
        Assert.All(afterFirst, row => Assert.Equal(clock.GetUtcNow().AddSeconds(2), row.NextAttemptAt));
        Assert.Equal(0, await dispatcher.DispatchDueAsync()); // not due before the backoff has passed

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(6, await dispatcher.DispatchDueAsync());
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(0, await dispatcher.DispatchDueAsync()); // the second failure waits 4 s
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(6, await dispatcher.DispatchDueAsync());
        var sentAt = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await dispatcher.DispatchDueAsync());

        Assert.All(messages, message => Assert.Equal(3, sender.Calls[message.Id]));
        Assert.All(messages, message => Assert.Equal(1, sender.Deliveries[message.Id]));
        Assert.All(await OutboxDatabase.RowsAsync(dataSource), row =>
        {
            Assert.Equal(3, row.Attempts);
            Assert.Equal(sentAt, row.SentAt);
            Assert.Null(row.LastError);
        });
    }

    [Fact]
    public async Task OutsideDevelopmentASentMessageKeepsNoBodyButItsMetadata()
    {
        await using var dataSource = await OutboxDatabase.CreateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var messages = OutboxDatabase.Messages(2);
        await new NotificationOutbox(dataSource, clock).EnqueueAsync(messages);
        var sender = new RecordingSender(failuresPerMessage: 0);

        Assert.Equal(2, await OutboxDatabase.Dispatcher(dataSource, sender, clock, keepSentBodies: false).DispatchDueAsync());

        var rows = await Sql.ReadAsync(dataSource, "select body, html_body, recipient, sent_at from outbox", reader =>
            (Body: reader.GetString(0), Html: reader.IsDBNull(1) ? null : reader.GetString(1), To: reader.GetString(2), Sent: !reader.IsDBNull(3)));
        Assert.All(messages, message => Assert.Equal(1, sender.Deliveries[message.Id]));
        Assert.All(rows, row => Assert.True(row is { Body: "", Html: null, Sent: true } && row.To.Length > 0, row.ToString()));
    }

    [Fact]
    public void RetryDelayDoublesUpToTheCap()
    {
        var cap = TimeSpan.FromMinutes(5);
        Assert.Equal(TimeSpan.FromSeconds(2), OutboxDispatcher.RetryDelay(1, cap));
        Assert.Equal(TimeSpan.FromSeconds(4), OutboxDispatcher.RetryDelay(2, cap));
        Assert.Equal(TimeSpan.FromSeconds(256), OutboxDispatcher.RetryDelay(8, cap));
        Assert.Equal(cap, OutboxDispatcher.RetryDelay(9, cap));
        Assert.Equal(cap, OutboxDispatcher.RetryDelay(1000, cap));
    }

    [Fact]
    public async Task TwoDispatchersOnOneDatabaseSendEachMessageOnce()
    {
        await using var dataSource = await OutboxDatabase.CreateAsync();
        var messages = OutboxDatabase.Messages(200);
        var sender = new RecordingSender(expected: messages.Length);
        using var first = OutboxDatabase.Dispatcher(dataSource, sender, TimeProvider.System);
        using var second = OutboxDatabase.Dispatcher(dataSource, sender, TimeProvider.System);
        await first.StartAsync(CancellationToken.None);
        await second.StartAsync(CancellationToken.None);

        await new NotificationOutbox(dataSource, TimeProvider.System).EnqueueAsync(messages);
        await sender.Delivered.WithinPatienceAsync("Delivery of all 200 messages");
        await first.StopAsync(CancellationToken.None);
        await second.StopAsync(CancellationToken.None);

        Assert.Equal(messages.Select(message => message.Id).Order(), sender.Calls.Keys.Order());
        Assert.All(sender.Calls.Values, calls => Assert.Equal(1, calls));
        Assert.All(await OutboxDatabase.RowsAsync(dataSource), row =>
        {
            Assert.NotNull(row.SentAt);
            Assert.Equal(1, row.Attempts);
        });
    }

    [Fact]
    public async Task NewDispatcherAfterARestartSendsWhatIsStillUnsent()
    {
        await using var dataSource = await OutboxDatabase.CreateAsync();
        var clock = new FakeTimeProvider(); // in the past, so the restarted dispatcher on the real clock finds the rows due
        var messages = OutboxDatabase.Messages(10);
        await new NotificationOutbox(dataSource, clock).EnqueueAsync(messages);
        var beforeRestart = new RecordingSender();
        Assert.Equal(4, await OutboxDatabase.Dispatcher(dataSource, beforeRestart, clock, batchSize: 4).DispatchDueAsync());

        var afterRestart = new RecordingSender(expected: 6);
        using var restarted = OutboxDatabase.Dispatcher(dataSource, afterRestart, TimeProvider.System, batchSize: 4);
        await restarted.StartAsync(CancellationToken.None);
        await afterRestart.Delivered.WithinPatienceAsync("Delivery of the 6 unsent messages");
        await restarted.StopAsync(CancellationToken.None);

        Assert.Equal(4, beforeRestart.Deliveries.Count);
        Assert.Equal(6, afterRestart.Deliveries.Count);
        Assert.Empty(beforeRestart.Deliveries.Keys.Intersect(afterRestart.Deliveries.Keys));
        Assert.Equal(0, await OutboxDatabase.CountAsync(dataSource, "sent_at is null"));
    }

    [Fact]
    public async Task MessageHeldByOneDispatcherIsSkippedByAnotherAndResentOnlyIfTheHolderCrashesBeforeMarking()
    {
        await using var dataSource = await OutboxDatabase.CreateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var message = OutboxDatabase.Messages(1)[0];
        await new NotificationOutbox(dataSource, clock).EnqueueAsync([message]);
        var sending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var crash = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var crashing = new RecordingSender(duringSend: _ =>
        {
            sending.TrySetResult();
            return crash.Task;
        });
        var pass = OutboxDatabase.Dispatcher(dataSource, crashing, clock).DispatchDueAsync();
        await sending.Task.WithinPatienceAsync("The first dispatcher's send");

        var other = new RecordingSender();
        Assert.Equal(0, await OutboxDatabase.Dispatcher(dataSource, other, clock).DispatchDueAsync());

        // The silo dies in the middle of its send: the database drops its connection and with it the row lock.
        await using (var kill = dataSource.CreateCommand(
            "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'"))
        {
            await kill.ExecuteNonQueryAsync();
        }

        crash.TrySetResult();
        await Assert.ThrowsAnyAsync<Exception>(() => pass);
        Assert.Equal(1, await OutboxDatabase.Dispatcher(dataSource, other, clock).DispatchDueAsync());

        Assert.Equal(1, other.Deliveries[message.Id]);
        Assert.Equal(1, await OutboxDatabase.CountAsync(dataSource, "sent_at is not null"));
    }
}
