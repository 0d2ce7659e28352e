using System.Diagnostics;

namespace Kalmar.Bench.Measuring;

/// <summary>Stopwatch timestamps, the one clock of every latency here.</summary>
public static class Ticks
{
    public static long Now => Stopwatch.GetTimestamp();

    public static double Milliseconds(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    public static long After(long from, TimeSpan span) => from + (long)(span.TotalSeconds * Stopwatch.Frequency);
}
