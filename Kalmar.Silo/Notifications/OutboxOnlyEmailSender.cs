using Kalmar.Grains.Notifications;
using Microsoft.Extensions.Logging;

namespace Kalmar.Silo.Notifications;

/// <summary>
/// Used when no SMTP host is configured (<c>Smtp:Host</c>): an e-mail counts as delivered once it is
/// in the outbox, where a person can read it (<c>/dev/outbox</c> in Development).
/// </summary>
public sealed partial class OutboxOnlyEmailSender(ILogger<OutboxOnlyEmailSender> logger) : IEmailSender
{
    public Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        LogKept(message.Id);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "E-mail {MessageId} is kept in the outbox only: no SMTP host is configured")]
    private partial void LogKept(Guid messageId);
}
