using System.Globalization;
using System.Text;

namespace Kalmar.Grains.Transit;

/// <summary>
/// Folds text for matching as people type it: lower case, without diacritics ("Färjestaden" and
/// "farjestaden" meet), punctuation as single spaces.
/// </summary>
internal static class TextFolding
{
    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                // Letters that Unicode does not decompose into a base letter and a mark.
                folded.Append(char.ToLowerInvariant(c) switch
                {
                    'ø' => "o",
                    'æ' => "ae",
                    'ß' => "ss",
                    var lower => lower.ToString(),
                });
            }
            else if (folded.Length > 0 && folded[^1] != ' ')
            {
                folded.Append(' ');
            }
        }

        return folded.ToString().TrimEnd();
    }
}
