namespace Kalmar.Contracts.Domain;

/// <summary>
/// Length over complexity (as NIST SP 800-63B advises): at least 10 characters, not the e-mail
/// address, not the password it replaces.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    /// <summary>The Swedish reason <paramref name="password"/> is refused, or null when it is acceptable.</summary>
    public static string? Check(string? password, string email, string? previousPassword = null) => password switch
    {
        null or { Length: < MinLength } => $"Lösenordet måste ha minst {MinLength} tecken.",
        { Length: > MaxLength } => $"Lösenordet får ha högst {MaxLength} tecken.",
        _ when password.Trim().Equals(email.Trim(), StringComparison.OrdinalIgnoreCase) => "Lösenordet får inte vara din e-postadress.",
        _ when password == previousPassword => "Välj ett annat lösenord än det du har nu.",
        _ => null,
    };
}
