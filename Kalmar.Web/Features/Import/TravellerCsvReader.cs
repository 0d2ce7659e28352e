using System.Text.Unicode;
using System.Text;
using CsvHelper;
using Kalmar.Contracts.Domain;
using static Kalmar.Web.Features.Import.ImportColumns;

namespace Kalmar.Web.Features.Import;

/// <summary>
/// Reads the traveller import file (api.md, "Travellers") into checked rows and every error in it, so that an
/// administrator can fix the whole file in one go. Pure: whether a department or a traveller exists is for the caller.
/// </summary>
/// <remarks>
/// Lines are counted as a spreadsheet shows them: the header is line 1, a record whose quoted field holds line breaks
/// is one line, and an empty line is a line too (it is skipped, but the lines after it keep their numbers).
/// </remarks>
public static class TravellerCsvReader
{
    public const int MaxRows = 10_000;
    public const int MaxNameLength = 100;
    public const int MaxEmployeeNumberLength = 50;

    // Excel saves "CSV" in the Windows code page; only "CSV UTF-8" gives UTF-8.
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>
    /// Reads the whole <paramref name="file"/> synchronously (the caller caps it at 5 MB): pass a buffered stream,
    /// such as an uploaded form file's, not a raw request body.
    /// </summary>
    public static ImportFile Read(Stream file)
    {
        var bytes = ReadAll(file);
        var malformed = new Dictionary<long, CsvMalformedReason>();
        var options = CsvReaderOptions.Default with
        {
            Separator = SeparatorOf(bytes),
            // Any byte sequence that is not UTF-8 is taken for Windows-1252, where every byte is a character.
            Encoding = Utf8.IsValid(bytes) ? null : Windows1252,
            TrimWhitespace = true,
            // Empty lines come back as records so that RowNumber counts them as a spreadsheet does; skipped below.
            SkipEmptyLines = false,
            // Called while Read reads the record; with no record skipped, its number (the header is 1) is its line.
            OnMalformedRecord = record => malformed.TryAdd(record.RecordNumber, record.Reason),
        };
        using var reader = CsvReader.Create(bytes, options);

        if (reader.Headers.Count == 0)
        {
            return Failed(new ImportError(1, null, "Filen är tom."));
        }

        var columns = new ImportColumns(reader.Headers);
        var missing = columns.Missing.Select(column => new ImportError(1, column, $"Kolumnen {column} saknas.")).ToList();
        if (missing.Count > 0)
        {
            return new ImportFile([], missing, TooManyRows: false);
        }

        var rows = new List<ImportRow>();
        var errors = new List<ImportError>();
        var emailLines = new Dictionary<string, int>();
        var count = 0;
        while (reader.Read())
        {
            var line = (int)reader.RowNumber + 1;
            var badQuotes = malformed.TryGetValue(line, out var reason);
            if (!badQuotes && IsBlank(reader))
            {
                continue;
            }

            if (++count > MaxRows)
            {
                var tooMany = new ImportError(1, null, "Filen har fler än 10 000 rader. Dela upp den i flera filer.");
                return Failed(tooMany, tooManyRows: true);
            }

            if (badQuotes)
            {
                errors.Add(new ImportError(line, null, QuotingMessage(reason)));
            }
            else if (Check(line, reader, columns, emailLines, errors) is { } row)
            {
                rows.Add(row);
            }
        }

        return new ImportFile(rows, errors, TooManyRows: false);
    }

    /// <summary>The row, or null after adding an error for each field that is wrong.</summary>
    private static ImportRow? Check(
        int line, CsvReader reader, ImportColumns columns, Dictionary<string, int> emailLines, List<ImportError> errors)
    {
        var errorsBefore = errors.Count;
        void Fail(string column, string message) => errors.Add(new ImportError(line, columns.Header(column), message));

        string Text(string column, int maxLength = int.MaxValue, bool required = true)
        {
            var value = columns.Value(reader, column);
            if (required && value.Length == 0)
            {
                Fail(column, $"{column} saknas.");
            }
            else if (value.Length > maxLength)
            {
                Fail(column, $"{column} får ha högst {maxLength} tecken.");
            }

            return value;
        }

        var firstName = Text(FirstName, MaxNameLength);
        var lastName = Text(LastName, MaxNameLength);

        var emailText = Text(Email);
        EmailAddress? email = null;
        if (emailText.Length > 0 && !EmailAddress.TryParse(emailText, out email, out _))
        {
            Fail(Email, $"Ogiltig e-postadress: {emailText}");
        }
        else if (email is not null && !emailLines.TryAdd(email.Value, line))
        {
            Fail(Email, $"E-postadressen finns redan på rad {emailLines[email.Value]}.");
        }

        var mobileText = Text(Mobile);
        SwedishMobile? mobile = null;
        if (mobileText.Length > 0 && !SwedishMobile.TryParse(mobileText, out mobile, out var mobileError))
        {
            Fail(Mobile, $"Ogiltigt mobilnummer: {mobileText}. {mobileError}");
        }

        var department = Text(Department);
        var employeeNumber = Text(EmployeeNumber, MaxEmployeeNumberLength, required: false);

        var limitText = Text(MonthlyLimit, required: false);
        long? monthlyLimitOre = null;
        if (limitText.Length > 0)
        {
            if (Kronor.TryParseOre(limitText, out var ore))
            {
                monthlyLimitOre = ore;
            }
            else
            {
                Fail(MonthlyLimit, $"Ogiltig månadsgräns: {limitText}. Ange kronor med högst två decimaler, t.ex. 400 eller 1 200,50.");
            }
        }

        return errors.Count > errorsBefore
            ? null
            : new ImportRow(
                line, firstName, lastName, email!.Value, mobile!.E164, department,
                employeeNumber.Length > 0 ? employeeNumber : null, monthlyLimitOre);
    }

    private static byte[] ReadAll(Stream file)
    {
        using var buffer = new MemoryStream();
        file.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>The separator of the header line: Swedish Excel saves ";", most other programs ",".</summary>
    private static char SeparatorOf(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOfAny((byte)'\r', (byte)'\n');
        var header = end < 0 ? bytes : bytes[..end];
        return header.Count((byte)';') > header.Count((byte)',') ? ';' : ',';
    }

    /// <summary>A record with no text in any field, as Excel writes a row it once had (";;;;").</summary>
    private static bool IsBlank(CsvReader reader) =>
        Enumerable.Range(0, reader.FieldCount).All(i => string.IsNullOrWhiteSpace(reader.GetString(i)));

    private static string QuotingMessage(CsvMalformedReason reason) => reason == CsvMalformedReason.UnterminatedQuote
        ? "Raden har ett citattecken som inte avslutas."
        : "Raden har ett citattecken mitt i ett fält. Ett fält med citattecken ska börja och sluta med ett, "
            + "och citattecken i texten skrivs dubbelt (\"\").";

    private static ImportFile Failed(ImportError error, bool tooManyRows = false) => new([], [error], tooManyRows);
}
