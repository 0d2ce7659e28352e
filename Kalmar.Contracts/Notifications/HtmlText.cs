using System.Text;

namespace Kalmar.Contracts.Notifications;

/// <summary>
/// HTML-encodes text for element content and double-quoted attributes. Only the five markup
/// characters are replaced, so Swedish letters stay readable in the source of an e-mail.
/// </summary>
public static class HtmlText
{
    public static string Encode(string value)
    {
        var html = new StringBuilder(value.Length + 16);
        foreach (var character in value)
        {
            html.Append(character switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => character.ToString(),
            });
        }

        return html.ToString();
    }

    /// <summary>Like <see cref="Encode"/>, with each line break as <c>&lt;br&gt;</c>.</summary>
    public static string EncodeLines(string value) => Encode(value).ReplaceLineEndings("<br>");
}
