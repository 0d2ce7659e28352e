using Kalmar.Grains.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kalmar.Silo.Notifications;

/// <summary>Sends e-mail over SMTP with MailKit, one connection per message (notifications are few, and nothing is left half open).</summary>
public sealed partial class SmtpEmailSender(IOptions<SmtpOptions> options, TimeProvider clock, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    private const int ImplicitTlsPort = 465;

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        var mime = EmailMessageFactory.Create(message, smtp.FromMailbox(), clock.GetUtcNow());
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        var security = !smtp.UseTls ? SecureSocketOptions.None
            : smtp.Port == ImplicitTlsPort ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Smtp:Host is not set."), smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        LogSent(message.Id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail {MessageId} sent over SMTP")]
    private partial void LogSent(Guid messageId);
}
