using System.Globalization;

namespace Kalmar.Contracts.Domain;

/// <summary>
/// Amounts are whole öre in a <see cref="long"/>; this turns them into Swedish text such as
/// <c>157 000,00 kr</c>.
/// </summary>
public static class Money
{
    /// <summary>No-break space between thousands, so an amount never wraps across lines.</summary>
    public const char GroupSeparator = '\u00A0';

    /// <summary>The typographic minus (U+2212) that sv-SE uses, not the hyphen.</summary>
    public const char MinusSign = '\u2212';

    // Pinned rather than read from sv-SE as is: depending on the ICU version the culture's
    // group separator is U+00A0 or U+202F, and output must not change with the machine.
    private static readonly NumberFormatInfo Format = CreateFormat();

    /// <summary><c>12402</c> → <c>124,02 kr</c>; <c>-500</c> → <c>−5,00 kr</c>.</summary>
    public static string ToKronor(long ore) => $"{ToNumber(ore)} kr";

    /// <summary>Like <see cref="ToKronor"/> without the currency, for tables and exports.</summary>
    public static string ToNumber(long ore) => (ore / 100m).ToString("#,##0.00", Format);

    private static NumberFormatInfo CreateFormat()
    {
        var format = (NumberFormatInfo)CultureInfo.GetCultureInfo("sv-SE").NumberFormat.Clone();
        format.NumberGroupSeparator = GroupSeparator.ToString();
        format.NumberDecimalSeparator = ",";
        format.NegativeSign = MinusSign.ToString();
        return NumberFormatInfo.ReadOnly(format);
    }
}
