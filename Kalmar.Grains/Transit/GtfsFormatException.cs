namespace Kalmar.Grains.Transit;

/// <summary>A GTFS feed that cannot be used; the message names the file and, where there is one, the line.</summary>
public sealed class GtfsFormatException(string fileName, int? line, string problem)
    : Exception(line is null ? $"{fileName}: {problem}" : $"{fileName} rad {line}: {problem}")
{
    public string FileName { get; } = fileName;

    /// <summary>The line in the file (the header is line 1), or null for a problem with the whole file.</summary>
    public int? Line { get; } = line;
}
