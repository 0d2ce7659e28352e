namespace Kalmar.Grains.Notifications;

/// <summary>The durable outbox of e-mail and SMS (a table in Postgres), drained by a dispatcher on the silos.</summary>
public interface INotificationOutbox
{
    /// <summary>Stores the messages (in one transaction); a message whose id is already stored is skipped.</summary>
    Task EnqueueAsync(IReadOnlyCollection<OutgoingMessage> messages, CancellationToken cancellationToken = default);
}
