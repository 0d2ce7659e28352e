using Kalmar.Bench.Measuring;
using Kalmar.Bench.Memory;

namespace Kalmar.Bench.Portal;

/// <summary>
/// What a resident traveller costs the silo: let every idle activation go, measure, let each traveller open the app
/// (credit and payment methods: their user, credit account and business travel grains wake), measure again.
/// </summary>
public sealed class GrainMemory(BenchCluster cluster, PortalHttp portal, FigureLog figures)
{
    public async Task MeasureAsync(int siloPid, IReadOnlyList<Traveller> travellers)
    {
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        // Idle for more than a few seconds: the travellers' grains, not the live registry that web nodes renew.
        await Task.Delay(TimeSpan.FromSeconds(6));
        await management.ForceActivationCollection(TimeSpan.FromSeconds(5));
        await Task.Delay(TimeSpan.FromSeconds(2));
        MachineLoad.Note(figures, LoadNames.Grains, "kalmar");
        var activationsBefore = await ActivationsAsync(management);
        var before = await ProcessMemory.MeasureAsync(siloPid);

        await Parallel.ForAsync(0, travellers.Count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            await portal.SendForJsonAsync(HttpMethod.Get, "/api/app/credit", travellers[i].Token);
            await portal.SendForJsonAsync(HttpMethod.Get, "/api/app/payment-methods", travellers[i].Token);
        });

        var after = await ProcessMemory.MeasureAsync(siloPid);
        var activationsAfter = await ActivationsAsync(management);
        figures.Add(LoadNames.Grains, "kalmar", "travellers", travellers.Count);
        figures.Add(LoadNames.Grains, "kalmar", "activations-added", activationsAfter - activationsBefore);
        figures.Add(LoadNames.Grains, "kalmar", "rss-per-traveller-kb", (after.RssBytes - before.RssBytes) / 1024.0 / travellers.Count);
        figures.Add(LoadNames.Grains, "kalmar", "heap-per-traveller-kb", (after.HeapBytes - before.HeapBytes) / 1024.0 / travellers.Count);
    }

    private static async Task<int> ActivationsAsync(IManagementGrain management) =>
        (await management.GetSimpleGrainStatistics()).Sum(statistic => statistic.ActivationCount);
}
