namespace Kalmar.Bench.Measuring;

/// <summary>
/// A closed loop: each of <c>concurrency</c> workers sends its next request as soon as the last one is answered.
/// Answers that arrive inside the measured window count (with their latency), after a warm-up whose answers do not;
/// a slow system whose answers take longer than the window is measured all the same.
/// </summary>
public static class ClosedLoop
{
    /// <summary>Runs the loop; <paramref name="operation"/> sends request number n of a worker and says whether it succeeded.</summary>
    public static async Task<LoadResult> RunAsync(int concurrency, TimeSpan warmup, TimeSpan duration, Func<int, long, Task<bool>> operation)
    {
        var latencies = new Latencies();
        var (succeeded, failed) = (0, 0);
        var from = Ticks.After(Ticks.Now, warmup);
        var until = Ticks.After(from, duration);

        async Task WorkAsync(int worker)
        {
            for (long n = 0; Ticks.Now < until; n++)
            {
                var sent = Ticks.Now;
                var ok = await SafelyAsync(() => operation(worker, n));
                var answered = Ticks.Now;
                if (answered < from || answered > until)
                {
                    continue;
                }

                if (ok)
                {
                    latencies.Add(Ticks.Milliseconds(sent, answered));
                    Interlocked.Increment(ref succeeded);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(() => WorkAsync(worker))));
        return new LoadResult(succeeded / duration.TotalSeconds, latencies.Percentile(50), latencies.Percentile(99), succeeded, failed);
    }

    /// <summary>A timeout or refused connection is a failed request, not the end of the run.</summary>
    public static async Task<bool> SafelyAsync(Func<Task<bool>> operation)
    {
        try
        {
            return await operation();
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            return false;
        }
    }
}
