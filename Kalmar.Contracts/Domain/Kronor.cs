using System.Globalization;
using System.Text.RegularExpressions;

namespace Kalmar.Contracts.Domain;

/// <summary>
/// Reads an amount in kronor as a Swedish spreadsheet or form field holds it (<c>1 200,50</c>, grouped by a space or a
/// no-break space, an optional <c>kr</c>) into whole öre, with integer arithmetic so that no amount is rounded on the way.
/// </summary>
public static partial class Kronor
{
    public static bool TryParseOre(string? text, out long ore)
    {
        var match = Amount().Match(text?.Trim() ?? "");
        ore = match.Success
            ? long.Parse(string.Concat(match.Groups["kronor"].Value.Where(char.IsAsciiDigit)), CultureInfo.InvariantCulture) * 100
                + int.Parse(match.Groups["ore"].Value.PadRight(2, '0'), CultureInfo.InvariantCulture)
            : 0;
        return match.Success;
    }

    // Groups of three only, so "12 00" is refused rather than guessed; at most 999 999 999 kr keeps öre in a long.
    // No '.': "1.200" is 1 200 kr in some countries and 1,20 kr in others.
    [GeneratedRegex(
        @"^(?<kronor>[0-9]{1,3}(?:[ \u00A0\u202F]?[0-9]{3}){0,2})(?:,(?<ore>[0-9]{1,2}))?(?:[ \u00A0]?kr)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Amount();
}
