using Kalmar.Grains.Notifications;

namespace Kalmar.Silo.Notifications;

/// <summary>Delivers one SMS from the outbox; throws when it could not, and the dispatcher tries again later.</summary>
public interface ISmsSender
{
    Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}
