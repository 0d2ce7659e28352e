using System.IO.Compression;

namespace Kalmar.Tests.Domain;

/// <summary>
/// A small valid GTFS feed in a temporary folder (two stops, one trip), that a test breaks by
/// replacing or deleting one file.
/// </summary>
internal sealed class TinyFeed : IDisposable
{
    public const string StopTimes =
        """
        trip_id,arrival_time,departure_time,stop_id,stop_sequence
        T1,08:00:00,08:00:00,A,1
        T1,08:10:00,08:10:00,B,2
        T1,25:10:00,25:10:00,C,3

        """;

    private static readonly Dictionary<string, string> ValidFiles = new()
    {
        ["agency.txt"] = "agency_id,agency_name,agency_url,agency_timezone\nX,Test,https://example.org,Europe/Stockholm\n",
        ["stops.txt"] = "stop_id,stop_name,stop_lat,stop_lon,zone_id\nA,Alfa,56.1,16.1,1\nB,Beta,56.2,16.2,2\nC,Gamma,56.3,16.3,3\n",
        ["routes.txt"] = "route_id,agency_id,route_short_name,route_long_name,route_type\nR,X,9,Alfa–Gamma,3\n",
        ["trips.txt"] = "route_id,service_id,trip_id\nR,S,T1\n",
        ["calendar.txt"] = "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\nS,1,1,1,1,1,0,0,20260101,20261231\n",
        ["stop_times.txt"] = StopTimes,
    };

    public TinyFeed()
    {
        Directory.CreateDirectory(Folder);
        foreach (var (name, text) in ValidFiles)
        {
            File.WriteAllText(Path.Combine(Folder, name), text);
        }
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "kalmar-gtfs-" + Guid.NewGuid().ToString("N"));

    public TinyFeed With(string fileName, string? content)
    {
        var path = Path.Combine(Folder, fileName);
        if (content is null)
        {
            File.Delete(path);
        }
        else
        {
            File.WriteAllText(path, content);
        }

        return this;
    }

    /// <summary>Zips the feed; <paramref name="inFolder"/> puts the files one folder down, as zipping a folder does.</summary>
    public string Zip(bool inFolder = false)
    {
        var zip = Folder + ".zip";
        ZipFile.CreateFromDirectory(Folder, zip, CompressionLevel.Fastest, includeBaseDirectory: inFolder);
        return zip;
    }

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        File.Delete(Folder + ".zip");
    }
}
