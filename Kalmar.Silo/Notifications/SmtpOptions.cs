using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace Kalmar.Silo.Notifications;

/// <summary>The SMTP server e-mail goes out through (section <c>Smtp</c>); without a host, e-mail stays in the outbox.</summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>TLS from the start on port 465, STARTTLS on any other port; off for a local mail catcher.</summary>
    public bool UseTls { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Required]
    public string From { get; set; } = "Företagsportalen <noreply@kalmarlanstrafik.se>";

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public MailboxAddress FromMailbox() => MailboxAddress.Parse(From);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!MailboxAddress.TryParse(From, out var from) || string.IsNullOrEmpty(from.Domain))
        {
            yield return new ValidationResult($"Smtp:From is not an e-mail address: '{From}'.", [nameof(From)]);
        }

        if (!string.IsNullOrEmpty(UserName) && string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("Smtp:Password is required with Smtp:UserName.", [nameof(Password)]);
        }
    }
}
