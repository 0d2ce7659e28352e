using System.Text;

namespace Kalmar.Bench.Portal;

/// <summary>
/// An import file as an HR export makes it (api.md, "Travellers"): UTF-8 with a byte order mark, <c>;</c>, CR LF, Swedish
/// names. Person i (1-based) has the e-mail <c>person{i}@{domain}</c>, the employee number <see cref="EmployeeNumber"/> and a
/// department taken in turn from those given.
/// </summary>
public static class TravellerFile
{
    private const string Header = "Förnamn;Efternamn;E-post;Mobil;Avdelning;Anställningsnummer";

    private static readonly string[] FirstNames = ["Åsa", "Björn", "Märta", "Göran", "Örjan", "Anna", "Erik", "Karin", "Jörgen", "Sofia"];

    private static readonly string[] LastNames = ["Åberg", "Lindström", "Söderberg", "Nyström", "Öberg", "Karlsson", "Bäckström", "Håkansson"];

    public static byte[] Generate(int count, string domain, IReadOnlyList<string> departments)
    {
        var text = new StringBuilder(Header).Append("\r\n");
        for (var i = 1; i <= count; i++)
        {
            var mobile = 1_000_000 + i;
            text.AppendJoin(';',
                    FirstNames[i % FirstNames.Length], LastNames[i / FirstNames.Length % LastNames.Length], Email(i, domain),
                    $"070-{mobile / 10_000:000} {mobile / 100 % 100:00} {mobile % 100:00}", departments[i % departments.Count], EmployeeNumber(i))
                .Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string Email(int i, string domain) => $"person{i}@{domain}";

    public static string EmployeeNumber(int i) => $"OB-{i:00000}";
}
