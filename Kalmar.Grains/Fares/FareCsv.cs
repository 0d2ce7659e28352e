using System.Globalization;
using CsvHelper;
using Kalmar.Grains.Infrastructure;

namespace Kalmar.Grains.Fares;

/// <summary>Reads one file of the price table; a problem is an <see cref="InvalidDataException"/> naming file and line.</summary>
internal sealed class FareCsv : IDisposable
{
    private readonly CsvReader _reader;
    private readonly string _fileName;

    public FareCsv(string folder, string fileName, params IReadOnlyList<string> columns)
    {
        _fileName = fileName;
        var path = Path.Combine(folder, fileName);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{fileName}: filen saknas i {folder}.");
        }

        _reader = CsvReader.FromFile(path, StrictCsv.Options);
        var missing = columns.FirstOrDefault(c => !_reader.Headers.Contains(c));
        if (missing is not null)
        {
            _reader.Dispose();
            throw Error(1, $"kolumnen '{missing}' saknas.");
        }
    }

    public int Line => (int)_reader.LineNumber;

    public bool Read() => _reader.Read();

    public string Text(string column)
    {
        var value = _reader.GetString(column);
        return value.Length > 0 ? value : throw Error(Line, $"värde saknas i kolumnen {column}.");
    }

    public string OptionalText(string column) =>
        _reader.TryGetFieldIndex(column, out var index) ? _reader.GetString(index) : "";

    public int Number(string column, int min)
    {
        var text = Text(column);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw Error(Line, $"'{text}' i kolumnen {column} ska vara ett heltal från {min}.");
    }

    public InvalidDataException Error(int? line, string problem) =>
        new(line is null ? $"{_fileName}: {problem}" : $"{_fileName} rad {line}: {problem}");

    public void Dispose() => _reader.Dispose();
}
