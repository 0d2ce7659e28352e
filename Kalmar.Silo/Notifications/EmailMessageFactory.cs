using Kalmar.Contracts.Notifications;
using Kalmar.Grains.Notifications;
using MimeKit;

namespace Kalmar.Silo.Notifications;

/// <summary>Turns an outbox e-mail into a MIME message: plain text and HTML alternatives, and a Message-Id made from the outbox id.</summary>
public static class EmailMessageFactory
{
    /// <summary>
    /// The same outbox row always gets the same Message-Id, so when a crash makes the dispatcher send
    /// a message again, mail servers and clients recognise it as the one they already have.
    /// </summary>
    public static string MessageIdFor(Guid outboxId, MailboxAddress from) => $"{outboxId:N}@{from.Domain}";

    public static MimeMessage Create(OutgoingMessage message, MailboxAddress from, DateTimeOffset date)
    {
        if (message.Channel != MessageChannel.Email)
        {
            throw new ArgumentException($"Message {message.Id} is not an e-mail.", nameof(message));
        }

        var mime = new MimeMessage
        {
            MessageId = MessageIdFor(message.Id, from),
            Date = date,
            Subject = message.Subject ?? "",
        };
        mime.From.Add(from);
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Body = new BodyBuilder { TextBody = message.Body, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}
