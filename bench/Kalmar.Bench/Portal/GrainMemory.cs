using Kalmar.Bench.Measuring;
using Kalmar.Bench.Memory;

namespace Kalmar.Bench.Portal;

/// <summary>
/// What a resident traveller's grains cost the silo: let every idle activation go, measure, let each traveller open the
/// app (credit and payment methods), measure again; the growth is divided by the travellers and by the grains that woke,
/// which are counted by type.
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
        var activationsBefore = await ActivationsByTypeAsync(management);
        var before = await ProcessMemory.MeasureAsync(siloPid);

        await Parallel.ForAsync(0, travellers.Count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            await portal.SendForJsonAsync(HttpMethod.Get, "/api/app/credit", travellers[i].Token);
            await portal.SendForJsonAsync(HttpMethod.Get, "/api/app/payment-methods", travellers[i].Token);
        });

        var after = await ProcessMemory.MeasureAsync(siloPid);
        var activationsAfter = await ActivationsByTypeAsync(management);
        var added = activationsAfter.Select(type => (type.Key, Count: type.Value - activationsBefore.GetValueOrDefault(type.Key)))
            .Where(type => type.Count > 0).ToList();
        var activations = added.Sum(type => type.Count);
        var heapGrowth = (after.HeapBytes - before.HeapBytes) / 1024.0;
        figures.Add(LoadNames.Grains, "kalmar", "travellers", travellers.Count);
        figures.Add(LoadNames.Grains, "kalmar", "activations-added", activations);
        foreach (var (type, count) in added)
        {
            figures.Add(LoadNames.Grains, "kalmar", $"activations-added:{type}", count);
        }

        figures.Add(LoadNames.Grains, "kalmar", "rss-per-traveller-kb", (after.RssBytes - before.RssBytes) / 1024.0 / travellers.Count);
        figures.Add(LoadNames.Grains, "kalmar", "heap-per-traveller-kb", heapGrowth / travellers.Count);
        figures.Add(LoadNames.Grains, "kalmar", "heap-per-grain-kb", heapGrowth / Math.Max(1, activations));
    }

    /// <summary>Activations by grain class (its short name, e.g. <c>CreditAccountGrain</c>).</summary>
    private static async Task<Dictionary<string, int>> ActivationsByTypeAsync(IManagementGrain management) =>
        (await management.GetSimpleGrainStatistics())
            .GroupBy(statistic => ShortName(statistic.GrainType))
            .ToDictionary(type => type.Key, type => type.Sum(statistic => statistic.ActivationCount));

    /// <summary>"Kalmar.Grains.Credit.CreditAccountGrain,Kalmar.Grains" → "CreditAccountGrain".</summary>
    private static string ShortName(string grainType)
    {
        var typeName = grainType.Split(',')[0].Trim();
        return typeName[(typeName.LastIndexOf('.') + 1)..];
    }
}
