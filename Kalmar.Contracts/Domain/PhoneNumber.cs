using System.Diagnostics.CodeAnalysis;

namespace Kalmar.Contracts.Domain;

/// <summary>A Swedish phone number of any kind (Telefonnummer in Min profil): stored as typed digits, 7–13 of them.</summary>
public static class PhoneNumber
{
    public const string Error = "Ange ett telefonnummer med siffror, t.ex. 0480-45 12 00.";

    public static bool TryParse(string? input, [NotNullWhen(true)] out string? phone, [NotNullWhen(false)] out string? error)
    {
        var text = (input ?? "").Trim();
        var digits = text.Count(char.IsAsciiDigit);
        var valid = digits is >= 7 and <= 13 && text.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '+' or '(' or ')');
        phone = valid ? text : null;
        error = valid ? null : Error;
        return valid;
    }
}
