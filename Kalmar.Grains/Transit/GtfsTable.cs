using CsvHelper;
using Kalmar.Grains.Infrastructure;

namespace Kalmar.Grains.Transit;

/// <summary>
/// One GTFS file read row by row, so a large stop_times.txt is never held as text in memory.
/// Columns are found by header name; extra columns are ignored as GTFS allows.
/// </summary>
internal sealed class GtfsTable : IDisposable
{
    /// <summary>Strings pooled: a feed repeats the same ids in row after row of stop_times.txt.</summary>
    private static readonly CsvReaderOptions Options = StrictCsv.Options with { PoolStrings = true };

    private readonly CsvReader _reader;
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);

    private GtfsTable(string fileName, Stream stream, IReadOnlyList<string> requiredColumns)
    {
        FileName = fileName;
        _reader = CsvReader.Create(stream, Options, false);
        var header = Guard(() => _reader.Headers);
        for (var i = 0; i < header.Count; i++)
        {
            _columns.TryAdd(header[i].Trim(), i);
        }

        if (_columns.Count == 0)
        {
            throw new GtfsFormatException(fileName, null, "filen är tom, rubrikraden saknas.");
        }

        var missing = requiredColumns.FirstOrDefault(column => !_columns.ContainsKey(column));
        if (missing is not null)
        {
            throw new GtfsFormatException(fileName, 1, $"kolumnen '{missing}' saknas.");
        }
    }

    public string FileName { get; }

    public static GtfsTable Open(IGtfsSource source, string fileName, params IReadOnlyList<string> requiredColumns)
    {
        if (!source.Has(fileName))
        {
            throw new GtfsFormatException(fileName, null, "filen saknas i GTFS-flödet.");
        }

        return new GtfsTable(fileName, source.Open(fileName), requiredColumns);
    }

    /// <summary>The column's index, or -1 when the file does not have it.</summary>
    public int Column(string name) => _columns.GetValueOrDefault(name, -1);

    /// <summary>The rows in file order; a row's values can be read until the next row is taken.</summary>
    public IEnumerable<GtfsRow> Rows()
    {
        while (Guard(_reader.Read))
        {
            yield return new GtfsRow(this, (int)_reader.LineNumber);
        }
    }

    /// <summary>The current row's value, or null when the column is absent or the field empty.</summary>
    public string? Value(int column) =>
        column < 0 || _reader.IsEmpty(column) ? null : _reader.GetString(column);

    public void Dispose() => _reader.Dispose();

    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (CsvFormatException e)
        {
            throw new GtfsFormatException(FileName, e.LineNumber > 0 ? (int)e.LineNumber : null, "felaktigt citerat fält.");
        }
    }
}
