namespace Kalmar.Bench.Measuring;

/// <summary>What a closed loop measured: successes per second, their latency, and what failed.</summary>
public sealed record LoadResult(double Throughput, double P50, double P99, int Succeeded, int Failed)
{
    public void WriteTo(FigureLog figures, string load, string system)
    {
        figures.Add(load, system, "throughput", Throughput);
        figures.Add(load, system, "p50", P50);
        figures.Add(load, system, "p99", P99);
        figures.Add(load, system, "failed", Failed);
    }
}
