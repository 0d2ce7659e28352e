using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Kalmar.Contracts.Domain;

/// <summary>
/// A Swedish mobile number, kept in E.164 (<c>+46706555611</c>) and shown as <c>070-655 56 11</c>.
/// </summary>
/// <remarks>
/// Mobile series in the Swedish numbering plan (PTS) are 070, 072, 073, 076 and 079, each followed
/// by seven more digits. 071 is for machine-to-machine subscriptions and 074, 075, 077 and 078 are
/// not mobile series, so those are refused: a ticket or an SMS must reach a person's phone.
/// </remarks>
public sealed record SwedishMobile
{
    public const string Error = "Ange ett svenskt mobilnummer som börjar med 070, 072, 073, 076 eller 079, t.ex. 070-123 45 67.";

    private const string MobileSeries = "02369";

    private SwedishMobile(string nationalDigits) => E164 = $"+46{nationalDigits}";

    public string E164 { get; }

    /// <summary>The national form people know: <c>070-655 56 11</c>.</summary>
    public string Display => $"0{E164[3..5]}-{E164[5..8]} {E164[8..10]} {E164[10..]}";

    /// <summary>Accepts <c>070-655 56 11</c>, <c>0706555611</c>, <c>+46706555611</c>, <c>0046706555611</c>, <c>+46 (0)70…</c>.</summary>
    public static bool TryParse(
        string? input,
        [NotNullWhen(true)] out SwedishMobile? mobile,
        [NotNullWhen(false)] out string? error)
    {
        var national = NationalDigits(input ?? "");
        var valid = national.Length == 9
            && national.All(char.IsAsciiDigit)
            && national[0] == '7'
            && MobileSeries.Contains(national[1], StringComparison.Ordinal);
        mobile = valid ? new SwedishMobile(national) : null;
        error = valid ? null : Error;
        return valid;
    }

    public override string ToString() => E164;

    /// <summary>The digits after the country code or trunk zero, e.g. <c>706555611</c>.</summary>
    private static string NationalDigits(string input)
    {
        var compact = new StringBuilder(input.Length);
        foreach (var c in input.Replace("(0)", "", StringComparison.Ordinal))
        {
            if (!char.IsWhiteSpace(c) && c is not ('-' or '\u2010' or '\u2011' or '\u2013'))
            {
                compact.Append(c);
            }
        }

        var number = compact.ToString();
        if (number.StartsWith("+46", StringComparison.Ordinal))
        {
            number = number[3..];
        }
        else if (number.StartsWith("0046", StringComparison.Ordinal))
        {
            number = number[4..];
        }
        else if (!number.StartsWith('0'))
        {
            return "";
        }

        // People often keep the trunk zero after the country code (+46 070…).
        return number.StartsWith('0') ? number[1..] : number;
    }
}
