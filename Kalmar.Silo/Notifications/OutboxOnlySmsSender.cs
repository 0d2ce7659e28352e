using Kalmar.Grains.Notifications;
using Microsoft.Extensions.Logging;

namespace Kalmar.Silo.Notifications;

/// <summary>
/// There is no SMS gateway yet: an SMS counts as sent once it is in the outbox, where a person can
/// read it (<c>/dev/outbox</c> in Development). A gateway's sender replaces this one in
/// <see cref="NotificationServiceExtensions.AddKalmarNotifications"/>; the outbox and dispatcher stay.
/// </summary>
public sealed partial class OutboxOnlySmsSender(ILogger<OutboxOnlySmsSender> logger) : ISmsSender
{
    public Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        LogKept(message.Id);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "SMS {MessageId} is kept in the outbox only: no SMS gateway is configured")]
    private partial void LogKept(Guid messageId);
}
