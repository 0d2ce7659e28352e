using Kalmar.Bench.Measuring;

namespace Kalmar.Bench.Purchasing;

/// <summary>
/// Many purchases on one fresh account in one month: does a purchase cost more as the account's history grows?
/// Compares the throughput of the last window of purchases with that of the first. Stops at a time cap, so a
/// system that slows down badly still finishes the run (the figures then say how many it reached).
/// </summary>
public sealed class GrowthLoad(Sizes sizes, FigureLog figures)
{
    public async Task RunAsync(IPurchaseTarget target)
    {
        var answeredAt = new long[sizes.GrowthPurchases];
        var (next, succeeded, failed) = (-1, 0, 0);
        var start = Ticks.Now;
        var cap = Ticks.After(start, sizes.GrowthCap);

        async Task WorkAsync()
        {
            while (Interlocked.Increment(ref next) < sizes.GrowthPurchases && Ticks.Now < cap)
            {
                if (await ClosedLoop.SafelyAsync(() => target.BuyAsync(Accounts.Growth)))
                {
                    answeredAt[Interlocked.Increment(ref succeeded) - 1] = Ticks.Now;
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, sizes.GrowthConcurrency).Select(_ => Task.Run(WorkAsync)));
        var done = answeredAt[..succeeded].Order().ToArray();
        var window = Math.Min(sizes.GrowthWindow, done.Length / 2);
        figures.Add(LoadNames.Growth, target.System, "purchases", done.Length);
        figures.Add(LoadNames.Growth, target.System, "failed", failed);
        figures.Add(LoadNames.Growth, target.System, "window", window);
        if (window == 0)
        {
            return;
        }

        var first = window / (Ticks.Milliseconds(start, done[window - 1]) / 1000);
        var last = window / (Ticks.Milliseconds(done[^(window + 1)], done[^1]) / 1000);
        figures.Add(LoadNames.Growth, target.System, "first-throughput", first);
        figures.Add(LoadNames.Growth, target.System, "last-throughput", last);
        figures.Add(LoadNames.Growth, target.System, "last-to-first", last / first);
    }
}
