using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Kalmar.Contracts.Domain;

/// <summary>
/// A Swedish personnummer or samordningsnummer (day + 60), kept as <c>YYYYMMDD-NNNN</c>.
/// </summary>
public sealed partial record Personnummer
{
    public const string FormatError = "Ange personnumret som ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.";
    public const string CheckDigitError = "Personnumret har fel kontrollsiffra.";
    public const string DateError = "Personnumret innehåller inget giltigt datum.";
    public const string FutureError = "Personnumret har ett födelsedatum i framtiden.";

    private Personnummer(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    /// <summary>Always twelve digits: <c>19850412-1234</c>.</summary>
    public string Value { get; }

    /// <summary>The real date of birth, also for a samordningsnummer.</summary>
    public DateOnly BirthDate { get; }

    public bool IsSamordningsnummer => int.Parse(Value.AsSpan(6, 2), CultureInfo.InvariantCulture) > 60;

    /// <summary>What others (e.g. an administrator's list) may see: <c>19850412-****</c>.</summary>
    public string Masked => $"{Value[..8]}-****";

    /// <summary>
    /// Accepts <c>YYYYMMDD-NNNN</c>, <c>YYYYMMDDNNNN</c>, <c>YYMMDD-NNNN</c>, <c>YYMMDDNNNN</c> and
    /// <c>YYMMDD+NNNN</c>. A ten-digit number belongs to the most recent century that does not put
    /// the birth date after <paramref name="today"/>; <c>+</c> (a person of 100 or more) one century earlier.
    /// </summary>
    public static bool TryParse(
        string? input,
        DateOnly today,
        [NotNullWhen(true)] out Personnummer? personnummer,
        [NotNullWhen(false)] out string? error)
    {
        personnummer = null;
        var match = Shape().Match(input?.Trim() ?? "");
        if (!match.Success)
        {
            error = FormatError;
            return false;
        }

        var century = match.Groups["century"].Value;
        var yy = int.Parse(match.Groups["yy"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["mm"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["dd"].Value, CultureInfo.InvariantCulture);
        var birthDay = day > 60 ? day - 60 : day;
        var plus = match.Groups["sep"].Value == "+";
        if (century.Length > 0 && plus)
        {
            error = FormatError;
            return false;
        }

        var year = century.Length > 0
            ? int.Parse(century, CultureInfo.InvariantCulture) * 100 + yy
            : InferYear(yy, month, birthDay, today) - (plus ? 100 : 0);
        if (month is < 1 or > 12 || birthDay < 1 || birthDay > DateTime.DaysInMonth(Math.Max(year, 1), month))
        {
            error = DateError;
            return false;
        }

        var tenDigits = string.Concat(match.Groups["yy"].Value, match.Groups["mm"].Value, match.Groups["dd"].Value, match.Groups["serial"].Value);
        if (!Luhn.IsValid(tenDigits))
        {
            error = CheckDigitError;
            return false;
        }

        var birthDate = new DateOnly(year, month, birthDay);
        if (birthDate > today)
        {
            error = FutureError;
            return false;
        }

        personnummer = new Personnummer($"{year:D4}{tenDigits[2..6]}-{tenDigits[6..]}", birthDate);
        error = null;
        return true;
    }

    public override string ToString() => Value;

    private static int InferYear(int yy, int month, int day, DateOnly today)
    {
        var year = today.Year - ((today.Year % 100 - yy + 100) % 100);
        var laterThisYear = month > today.Month || (month == today.Month && day > today.Day);
        return year == today.Year && laterThisYear ? year - 100 : year;
    }

    [GeneratedRegex(@"^(?<century>[0-9]{2})?(?<yy>[0-9]{2})(?<mm>[0-9]{2})(?<dd>[0-9]{2})(?<sep>[-+]?)(?<serial>[0-9]{4})$")]
    private static partial Regex Shape();
}
