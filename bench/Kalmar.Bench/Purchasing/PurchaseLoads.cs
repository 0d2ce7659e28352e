using Kalmar.Bench.Measuring;

namespace Kalmar.Bench.Purchasing;

/// <summary>The purchase loads of issue 15, run the same way on the baseline and on Kalmar.</summary>
public sealed class PurchaseLoads(BenchSettings settings, FigureLog figures)
{
    private Sizes Sizes => settings.Sizes;

    public async Task RunAsync(IPurchaseTarget target)
    {
        if (settings.Runs(LoadNames.Hot))
        {
            MachineLoad.Note(figures, LoadNames.Hot, target.System);
            Console.WriteLine($"{target.System}: one hot account, {Sizes.Concurrency} concurrent");
            var hot = await ClosedLoop.RunAsync(Sizes.Concurrency, Sizes.Warmup, Sizes.Duration, (_, _) => target.BuyAsync(Accounts.Hot));
            hot.WriteTo(figures, LoadNames.Hot, target.System);
        }

        if (settings.Runs(LoadNames.Spread))
        {
            MachineLoad.Note(figures, LoadNames.Spread, target.System);
            Console.WriteLine($"{target.System}: {Sizes.Accounts} accounts, {Sizes.Concurrency} concurrent");
            // Worker w takes accounts w, w + 64, w + 128, …: never two requests on one account at once.
            var spread = await ClosedLoop.RunAsync(Sizes.Concurrency, Sizes.Warmup, Sizes.Duration, (worker, n) =>
                target.BuyAsync(Accounts.FirstSpread + (int)((worker + (n * Sizes.Concurrency)) % Sizes.Accounts)));
            spread.WriteTo(figures, LoadNames.Spread, target.System);
        }

        if (settings.Runs(LoadNames.Sequence))
        {
            MachineLoad.Note(figures, LoadNames.Sequence, target.System);
            Console.WriteLine($"{target.System}: one client in sequence");
            var sequence = await ClosedLoop.RunAsync(1, Sizes.Warmup, Sizes.Duration, (_, _) => target.BuyAsync(Accounts.Sequence));
            sequence.WriteTo(figures, LoadNames.Sequence, target.System);
        }

        if (settings.Runs(LoadNames.Growth))
        {
            MachineLoad.Note(figures, LoadNames.Growth, target.System);
            Console.WriteLine($"{target.System}: {Sizes.GrowthPurchases} purchases on one account, {Sizes.GrowthConcurrency} concurrent");
            await new GrowthLoad(Sizes, figures).RunAsync(target);
        }
    }
}
