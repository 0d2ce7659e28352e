using CsvHelper;

namespace Kalmar.Grains.Infrastructure;

/// <summary>How the silo reads its data files (GTFS feed, price table): a malformed field stops the load, with its line.</summary>
internal static class StrictCsv
{
    public static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        TrimWhitespace = true,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
    };
}
