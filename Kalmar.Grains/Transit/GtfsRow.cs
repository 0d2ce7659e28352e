using System.Globalization;

namespace Kalmar.Grains.Transit;

/// <summary>The current row of a <see cref="GtfsTable"/>, with its line for error messages.</summary>
internal readonly record struct GtfsRow(GtfsTable Table, int Line)
{
    public string? Optional(string column) => Table.Value(Table.Column(column));

    public string Required(string column) =>
        Optional(column) ?? throw Error($"värde saknas i kolumnen {column}.");

    public int RequiredInt(string column)
    {
        var text = Required(column);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error($"ogiltigt heltal '{text}' i kolumnen {column}.");
    }

    public DateOnly RequiredDate(string column)
    {
        var text = Required(column);
        return DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Error($"ogiltigt datum '{text}' i kolumnen {column} (ska vara ÅÅÅÅMMDD).");
    }

    /// <summary>A GTFS time in seconds, or null when the field is empty (a stop that is not a timepoint).</summary>
    public int? OptionalTime(string column)
    {
        var text = Optional(column);
        if (text is null)
        {
            return null;
        }

        return GtfsTime.TryParse(text, out var seconds)
            ? seconds
            : throw Error($"ogiltig tid '{text}' i kolumnen {column} (ska vara TT:MM:SS).");
    }

    public GtfsFormatException Error(string problem) => new(Table.FileName, Line, problem);
}
