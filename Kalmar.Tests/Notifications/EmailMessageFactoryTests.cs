using Kalmar.Grains.Notifications;
using Kalmar.Silo.Notifications;
using MimeKit;

namespace Kalmar.Tests.Notifications;

public sealed class EmailMessageFactoryTests
{
    private static readonly MailboxAddress From = new SmtpOptions().FromMailbox();

    [Fact]
    public void EmailHasPlainTextAndHtmlPartsAndAMessageIdFromTheOutboxId()
    {
        var message = NotificationTemplates.PasswordReset(Guid.NewGuid(), "emmy@example.se", "https://portal.example/aterstall?t=abc", Guid.NewGuid());
        var date = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

        var mime = EmailMessageFactory.Create(message, From, date);

        Assert.Equal($"{message.Id:N}@kalmarlanstrafik.se", mime.MessageId);
        Assert.Equal("Företagsportalen", Assert.Single(mime.From.Mailboxes).Name);
        Assert.Equal("noreply@kalmarlanstrafik.se", Assert.Single(mime.From.Mailboxes).Address);
        Assert.Equal("emmy@example.se", Assert.Single(mime.To.Mailboxes).Address);
        Assert.Equal("Återställ ditt lösenord", mime.Subject);
        Assert.Equal(date, mime.Date);
        var alternative = Assert.IsType<MultipartAlternative>(mime.Body);
        var parts = alternative.OfType<TextPart>().ToArray();
        Assert.Equal(2, parts.Length);
        Assert.Contains(parts, part => part.IsPlain && part.Text.Contains("https://portal.example/aterstall?t=abc", StringComparison.Ordinal));
        Assert.Contains(parts, part => part.IsHtml && part.Text.Contains("href=\"https://portal.example/aterstall?t=abc\"", StringComparison.Ordinal));
    }

    [Fact]
    public void ResentEmailCarriesTheSameMessageIdOnTheWire()
    {
        var message = OutboxDatabase.Messages(2)[1];

        var first = Reparse(EmailMessageFactory.Create(message, From, DateTimeOffset.UnixEpoch));
        var again = Reparse(EmailMessageFactory.Create(message, From, DateTimeOffset.UnixEpoch.AddMinutes(5)));

        Assert.Equal(first.MessageId, again.MessageId);
        Assert.StartsWith(message.Id.ToString("N"), first.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public void SmsIsNotAnEmail() =>
        Assert.Throws<ArgumentException>(() => EmailMessageFactory.Create(OutboxDatabase.Messages(1)[0], From, DateTimeOffset.UnixEpoch));

    private static MimeMessage Reparse(MimeMessage mime)
    {
        using var stream = new MemoryStream();
        mime.WriteTo(stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }
}
