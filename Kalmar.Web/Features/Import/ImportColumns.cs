using System.Globalization;
using System.Text;
using CsvHelper;

namespace Kalmar.Web.Features.Import;

/// <summary>
/// The columns of an import file, found by name the way people type them: "fornamn", "E post" and "EPOST" all name
/// the columns "Förnamn" and "E-post", since case, spaces, hyphens and diacritics are ignored. Other columns are ignored.
/// </summary>
internal sealed class ImportColumns
{
    public const string FirstName = "Förnamn";
    public const string LastName = "Efternamn";
    public const string Email = "E-post";
    public const string Mobile = "Mobil";
    public const string Department = "Avdelning";
    public const string EmployeeNumber = "Anställningsnummer";
    public const string MonthlyLimit = "Månadsgräns";

    private static readonly string[] Required = [FirstName, LastName, Email, Mobile, Department];

    private readonly IReadOnlyList<string> _headers;
    private readonly Dictionary<string, int> _indexes = [];

    public ImportColumns(IReadOnlyList<string> headers)
    {
        _headers = headers;
        for (var i = 0; i < headers.Count; i++)
        {
            _indexes.TryAdd(Key(headers[i]), i);
        }
    }

    public IEnumerable<string> Missing => Required.Where(column => !_indexes.ContainsKey(Key(column)));

    /// <summary>The column's header as the file spells it, so an error points at what the administrator sees.</summary>
    public string Header(string column) => _headers[_indexes[Key(column)]].Trim();

    /// <summary>The trimmed value of the current record, "" for an absent column or field.</summary>
    public string Value(CsvReader reader, string column) =>
        _indexes.TryGetValue(Key(column), out var index) ? reader.GetString(index).Trim() : "";

    /// <summary>Letters and digits only, lower-case and without diacritics: "E-post " and "epost" give the same key.</summary>
    private static string Key(string header) =>
        string.Concat(header.Normalize(NormalizationForm.FormD).Where(char.IsLetterOrDigit)).ToLower(CultureInfo.InvariantCulture);
}
