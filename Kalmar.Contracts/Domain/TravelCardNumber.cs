using System.Diagnostics.CodeAnalysis;

namespace Kalmar.Contracts.Domain;

/// <summary>
/// The number printed on a KLT travel card (Resekort), kept as ten digits.
/// </summary>
/// <remarks>
/// KLT does not publish its card numbering, so this is OUR rule, chosen to catch typing mistakes:
/// exactly ten digits (spaces in the input are ignored) whose last digit is a Luhn (mod 10) check
/// digit over the first nine. Change it here if the card issuer gives us its real rule.
/// </remarks>
public sealed record TravelCardNumber
{
    public const string Error = "Ange resekortets nummer: tio siffror, som de står på kortet.";
    public const string CheckDigitError = "Resekortsnumret har fel kontrollsiffra. Kontrollera numret på kortet.";

    private TravelCardNumber(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(
        string? input,
        [NotNullWhen(true)] out TravelCardNumber? card,
        [NotNullWhen(false)] out string? error)
    {
        card = null;
        var digits = string.Concat((input ?? "").Where(c => !char.IsWhiteSpace(c)));
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
        {
            error = Error;
            return false;
        }

        if (!Luhn.IsValid(digits))
        {
            error = CheckDigitError;
            return false;
        }

        card = new TravelCardNumber(digits);
        error = null;
        return true;
    }

    public override string ToString() => Value;
}
