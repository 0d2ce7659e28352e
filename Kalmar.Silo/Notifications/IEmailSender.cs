using Kalmar.Grains.Notifications;

namespace Kalmar.Silo.Notifications;

/// <summary>Delivers one e-mail from the outbox; throws when it could not, and the dispatcher tries again later.</summary>
public interface IEmailSender
{
    Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}
