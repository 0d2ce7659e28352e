using System.Diagnostics.CodeAnalysis;

namespace Kalmar.Contracts.Domain;

/// <summary>
/// A Swedish organisation number (organisationsnummer), written <c>NNNNNN-NNNN</c>: ten digits whose last is the
/// Luhn check digit. Typed with or without the hyphen, or with the century prefix "16" some registers show.
/// </summary>
public static class OrganisationNumber
{
    public const string Error = "Ange ett giltigt organisationsnummer, t.ex. 556677-8899.";

    public static bool TryParse(string? input, [NotNullWhen(true)] out string? normalised)
    {
        var digits = new string((input ?? "").Where(c => c is not ('-' or ' ')).ToArray());
        if (digits.Length == 12 && digits.StartsWith("16", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        var valid = digits.Length == 10 && digits.All(char.IsAsciiDigit) && Luhn.IsValid(digits);
        normalised = valid ? $"{digits[..6]}-{digits[6..]}" : null;
        return valid;
    }
}
