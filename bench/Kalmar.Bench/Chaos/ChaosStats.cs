using System.Collections.Concurrent;
using Kalmar.Bench.Measuring;

namespace Kalmar.Bench.Chaos;

/// <summary>Every request's fate and the longest time a client went without what it asked for.</summary>
public sealed class ChaosStats
{
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _attempts;

    public long Attempts => Interlocked.Read(ref _attempts);

    public IReadOnlyDictionary<string, int> Failures => _failures;

    public long FailedAttempts => _failures.Values.Sum(count => (long)count);

    public double LongestInterruptionMs { get; private set; }

    public string LongestInterruptionOf { get; private set; } = "none";

    public void Attempted() => Interlocked.Increment(ref _attempts);

    public void Failed(string kind) => _failures.AddOrUpdate(kind, 1, (_, count) => count + 1);

    /// <summary>A client that had nothing from <paramref name="since"/> until now: a retried command or a hub reconnect.</summary>
    public void Interrupted(string what, long since)
    {
        var milliseconds = Ticks.Milliseconds(since, Ticks.Now);
        lock (_gate)
        {
            if (milliseconds > LongestInterruptionMs)
            {
                (LongestInterruptionMs, LongestInterruptionOf) = (milliseconds, what);
            }
        }
    }
}
