using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kalmar.Bench.Measuring;

/// <summary>The run's figures, one JSON object a line, appended by every phase (run.sh appends pgbench's and wrk's too).</summary>
public sealed class FigureLog(string path)
{
    // A load that produced no sample has a NaN percentile; it is written as such and shows as a dash.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
    private readonly Lock _gate = new();

    public void Add(string load, string system, string name, double value)
    {
        var line = JsonSerializer.Serialize(new Figure(load, system, name, value), Json);
        lock (_gate)
        {
            File.AppendAllLines(path, [line]);
        }

        Console.WriteLine($"  {load,-10} {system,-9} {name,-28} {value,12:0.###}");
    }

    public static IReadOnlyList<Figure> Read(string path) =>
        File.Exists(path)
            ? [.. File.ReadLines(path).Where(line => line.Length > 0).Select(line => JsonSerializer.Deserialize<Figure>(line, Json)!)]
            : [];
}
