using Kalmar.Grains.Notifications;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Kalmar.Tests.Notifications;

public sealed class NotificationOutboxTests
{
    [Fact]
    public async Task EnqueueingTheSameMessageTwiceStoresOneRow()
    {
        await using var dataSource = await OutboxDatabase.CreateAsync();
        var outbox = new NotificationOutbox(dataSource, new FakeTimeProvider());
        var message = NotificationTemplates.PasswordReset(Guid.NewGuid(), "emmy@example.se", "https://portal.example/aterstall?t=1", Guid.NewGuid());

        await outbox.EnqueueAsync([message]);
        await outbox.EnqueueAsync([message, message]);

        var row = Assert.Single(await OutboxDatabase.RowsAsync(dataSource));
        Assert.Equal(message.Id, row.Id);
        Assert.Null(row.SentAt);
        Assert.Equal(0, row.Attempts);
    }

    [Fact]
    public async Task RetriedGrainCallRebuildsTheSameMessagesAndAddsNothing()
    {
        await using var dataSource = await OutboxDatabase.CreateAsync();
        var outbox = new NotificationOutbox(dataSource, new FakeTimeProvider());
        var orderId = Guid.NewGuid();
        IReadOnlyList<OutgoingMessage> Decide() => NotificationTemplates.OrderDecided(
            orderId, "emmy@example.se", "+46706555611", notifyEmail: true, notifySms: true, approved: true, reason: null,
            decidedBy: "Anna Andersson", linesSummary: "Enkel, Vuxen Kalmar – Nybro", totalOre: 12402);

        await outbox.EnqueueAsync(Decide());
        await outbox.EnqueueAsync(Decide());

        Assert.Equal(2, await OutboxDatabase.CountAsync(dataSource));
    }

    [Fact]
    public async Task BatchIsStoredWhollyOrNotAtAll()
    {
        await using var dataSource = await OutboxDatabase.CreateAsync();
        var outbox = new NotificationOutbox(dataSource, new FakeTimeProvider());
        var good = OutboxDatabase.Messages(1)[0];
        var unstorable = good with { Id = Guid.NewGuid(), Body = "NUL \0 is not valid text in PostgreSQL" };

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => outbox.EnqueueAsync([good, unstorable]));

        Assert.Equal(0, await OutboxDatabase.CountAsync(dataSource));
    }
}
