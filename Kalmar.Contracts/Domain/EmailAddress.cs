using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;

namespace Kalmar.Contracts.Domain;

/// <summary>
/// An e-mail address, trimmed and lower-cased so that sign-in and uniqueness do not depend on
/// how someone typed it. Pragmatic, not RFC 5322 complete: a bare address with a dotted domain.
/// </summary>
public sealed record EmailAddress
{
    public const string Error = "Ange en giltig e-postadress, t.ex. namn@foretag.se.";

    // The limit of a forward path in SMTP (RFC 5321); longer addresses cannot be delivered.
    private const int MaxLength = 254;

    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(
        string? input,
        [NotNullWhen(true)] out EmailAddress? email,
        [NotNullWhen(false)] out string? error)
    {
        var candidate = (input ?? "").Trim().ToLowerInvariant();
        var valid = candidate.Length <= MaxLength
            && !candidate.Any(char.IsWhiteSpace)
            && MailAddress.TryCreate(candidate, out var parsed)
            // MailAddress also accepts "Name <a@b.se>"; only the bare address is wanted.
            && parsed.Address == candidate
            && HasDottedDomain(parsed.Host);
        email = valid ? new EmailAddress(candidate) : null;
        error = valid ? null : Error;
        return valid;
    }

    public override string ToString() => Value;

    private static bool HasDottedDomain(string host) =>
        host.Contains('.', StringComparison.Ordinal)
        && !host.StartsWith('.')
        && !host.EndsWith('.')
        && !host.Contains("..", StringComparison.Ordinal);
}
