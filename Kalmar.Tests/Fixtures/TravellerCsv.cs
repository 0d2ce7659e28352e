using System.Text;

namespace Kalmar.Tests.Fixtures;

/// <summary>
/// Traveller import files as an HR export or a spreadsheet makes them: Swedish names with å, ä and ö, and for person
/// i (1-based, on line i + 1) the e-mail <c>person{i}@nybrobygg.example</c>, a unique mobile in national form and the
/// employee number <c>NB-0000i</c>. Lines end in CR LF as Excel writes them.
/// </summary>
public static class TravellerCsv
{
    public const string Header = "Förnamn;Efternamn;E-post;Mobil;Avdelning;Anställningsnummer";

    public const string Domain = "nybrobygg.example";

    private static readonly string[] FirstNames = ["Åsa", "Björn", "Märta", "Göran", "Örjan", "Anna", "Erik", "Karin", "Jörgen", "Sofia"];

    private static readonly string[] LastNames = ["Åberg", "Lindström", "Söderberg", "Nyström", "Öberg", "Karlsson", "Bäckström", "Håkansson"];

    /// <summary>
    /// A file of <paramref name="count"/> travellers in <paramref name="encoding"/>, with its preamble (UTF-8 with a byte
    /// order mark, as Excel's "CSV UTF-8", when none is given). A <paramref name="domain"/> of its own gives a test
    /// addresses no other test uses (e-mail addresses are unique across the portal).
    /// </summary>
    public static byte[] Generate(
        int count, Func<int, string> department, string separator = ";", Encoding? encoding = null, string domain = Domain)
    {
        var text = new StringBuilder(Header.Replace(";", separator, StringComparison.Ordinal)).Append("\r\n");
        for (var i = 1; i <= count; i++)
        {
            string[] fields =
            [
                FirstNames[i % FirstNames.Length], LastNames[i / FirstNames.Length % LastNames.Length], Email(i, domain), Mobile(i),
                department(i), $"NB-{i:00000}",
            ];
            text.AppendJoin(separator, fields.Select(field => Quoted(field, separator))).Append("\r\n");
        }

        encoding ??= new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }

    public static string Email(int i, string domain = Domain) => $"person{i}@{domain}";

    /// <summary>070-100 00 00 and up, one number per person, as people write them.</summary>
    public static string Mobile(int i)
    {
        var number = 1_000_000 + i;
        return $"070-{number / 10_000:000} {number / 100 % 100:00} {number % 100:00}";
    }

    /// <summary>The field quoted as RFC 4180 says when it holds the separator, a quote or a line break.</summary>
    private static string Quoted(string field, string separator) =>
        field.Contains(separator, StringComparison.Ordinal) || field.IndexOfAny(['"', '\r', '\n']) >= 0
            ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : field;
}
