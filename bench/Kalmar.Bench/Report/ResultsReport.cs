using System.Globalization;
using System.Text;
using Kalmar.Bench.Measuring;
using static Kalmar.Bench.Report.Format;

namespace Kalmar.Bench.Report;

/// <summary>The table of issue 15's targets from one run's figures, for the console and for bench/RESULTS.md.</summary>
public sealed class ResultsReport(IReadOnlyList<Figure> figures, Sizes sizes, bool quick, IReadOnlyDictionary<string, string> values)
{
    private const string Kalmar = "kalmar";
    private const string Baseline = "baseline";

    private double? F(string load, string system, string name) =>
        figures.LastOrDefault(figure => figure.Load == load && figure.System == system && figure.Name == name)?.Value;

    public IReadOnlyList<ReportRow> Rows()
    {
        var rows = new List<ReportRow>();
        var concurrency = sizes.Concurrency;

        var hot = $"one hot account, {concurrency} concurrent";
        var (hotK, hotB, pg1) = (F(LoadNames.Hot, Kalmar, "throughput"), F(LoadNames.Hot, Baseline, "throughput"), F(LoadNames.Pgbench, "pgbench", "tps-1"));
        rows.Add(new(hot, "purchases/s", Rate(hotK), Rate(hotB), Times(Ratio(hotK, hotB)), "≥ 2× baseline", Met(Ratio(hotK, hotB), v => v >= 2)));
        rows.Add(new(hot, "purchases/s vs pgbench, 1 client", Rate(hotK), Labelled(Rate(pg1), "pgbench"), Times(Ratio(hotK, pg1)), "≥ 0.3× pgbench 1 client", Met(Ratio(hotK, pg1), v => v >= 0.3)));
        rows.Add(Latency(hot, LoadNames.Hot));

        var spread = $"{sizes.Accounts:#,0} accounts, {concurrency} concurrent";
        var (spreadK, spreadB) = (F(LoadNames.Spread, Kalmar, "throughput"), F(LoadNames.Spread, Baseline, "throughput"));
        rows.Add(new(spread, "purchases/s", Rate(spreadK), Rate(spreadB), Times(Ratio(spreadK, spreadB)), "≥ 1× baseline", Met(Ratio(spreadK, spreadB), v => v >= 1)));
        rows.Add(Latency(spread, LoadNames.Spread));

        var sequence = "one client in sequence";
        var (seqK, seqB) = (F(LoadNames.Sequence, Kalmar, "p50"), F(LoadNames.Sequence, Baseline, "p50"));
        rows.Add(new(sequence, "p50 per purchase", Ms(seqK), Ms(seqB), Times(Ratio(seqK, seqB)), "p50 ≤ 3 ms", Met(seqK, v => v <= 3)));
        rows.Add(new(sequence, "p99 per purchase", Ms(F(LoadNames.Sequence, Kalmar, "p99")), Ms(F(LoadNames.Sequence, Baseline, "p99")), None, None, None));
        rows.Add(new(sequence, "purchases/s", Rate(F(LoadNames.Sequence, Kalmar, "throughput")), Rate(F(LoadNames.Sequence, Baseline, "throughput")), None, None, None));

        var window = F(LoadNames.Growth, Kalmar, "window") ?? sizes.GrowthWindow;
        var growth = $"{sizes.GrowthPurchases:#,0} purchases on one account, {sizes.GrowthConcurrency} concurrent, {sizes.GrowthCap.TotalMinutes:0} min cap";
        var growthK = F(LoadNames.Growth, Kalmar, "last-to-first");
        rows.Add(new(growth, $"last {window:#,0} / first {window:#,0} throughput", Times(growthK), Times(F(LoadNames.Growth, Baseline, "last-to-first")), None, "≥ 0.9", Met(growthK, v => v >= 0.9)));
        rows.Add(new(growth, "purchases/s, first → last window", GrowthRates(Kalmar), GrowthRates(Baseline), None, None, None));

        var idle = Count(F(LoadNames.Live, Kalmar, "idle-open"));
        var approve = $"approve → orderStatusChanged, {idle} idle connections";
        var (approve50, approve99) = (F(LoadNames.Live, Kalmar, "approve-event-p50"), F(LoadNames.Live, Kalmar, "approve-event-p99"));
        rows.Add(new(approve, "p50", Ms(approve50), None, None, "≤ 5 ms", Met(approve50, v => v <= 5)));
        rows.Add(new(approve, "p99", Ms(approve99), None, None, "≤ 20 ms", Met(approve99, v => v <= 20)));
        var credit = $"purchase → creditChanged on a second device, {idle} idle";
        var credit99 = F(LoadNames.Live, Kalmar, "purchase-event-p99");
        rows.Add(new(credit, "p99", Ms(credit99), None, None, "≤ 20 ms", Met(credit99, v => v <= 20)));
        rows.Add(new(credit, "p50", Ms(F(LoadNames.Live, Kalmar, "purchase-event-p50")), None, None, None, None));

        var perConnection = $"memory per idle hub connection ({idle} on one web node)";
        var (connRss, connHeap) = (F(LoadNames.Live, Kalmar, "idle-rss-kb"), F(LoadNames.Live, Kalmar, "idle-heap-kb"));
        rows.Add(new(perConnection, "web process RSS", Kb(connRss), None, None, "≤ 30 KB", Met(connRss, v => v <= 30)));
        rows.Add(new(perConnection, "web managed heap (after full GC)", Kb(connHeap), None, None, "≤ 30 KB", Met(connHeap, v => v <= 30)));
        // Issue 15 asks for "≤ 5 KB per resident traveller grain": judged per grain that woke; per traveller is shown beside it.
        var resident = $"resident travellers' grains ({Count(F(LoadNames.Grains, Kalmar, "travellers"))} travellers; {WokenGrains()})";
        var (grainRss, perTraveller, perGrain) = (F(LoadNames.Grains, Kalmar, "rss-per-traveller-kb"),
            F(LoadNames.Grains, Kalmar, "heap-per-traveller-kb"), F(LoadNames.Grains, Kalmar, "heap-per-grain-kb"));
        rows.Add(new(resident, "silo managed heap per grain (after full GC)", Kb(perGrain), None, None, "≤ 5 KB", Met(perGrain, v => v <= 5)));
        rows.Add(new(resident, "silo managed heap per traveller (all their grains)", Kb(perTraveller), None, None, None, None));
        // A thousand travellers move the silo's RSS by a few MB, less than the GC's own returning of memory: shown, not judged.
        rows.Add(new(resident, "silo RSS per traveller (too noisy to judge)", Kb(grainRss), None, None, None, None));

        var (creditRps, liveRps) = (F(LoadNames.Credit, Kalmar, "credit-rps"), F(LoadNames.Credit, Kalmar, "health-rps"));
        rows.Add(new("GET /api/app/credit (wrk, 64 connections)", "requests/s", Rate(creditRps), Labelled(Rate(liveRps), "/health/live"),
            Times(Ratio(creditRps, liveRps)), "≥ 0.5× /health/live", Met(Ratio(creditRps, liveRps), v => v >= 0.5)));

        var pgbench = "pgbench: the conditional UPDATE alone";
        rows.Add(new(pgbench, "transactions/s, 1 client", None, Labelled(Rate(pg1), "pgbench"), None, None, None));
        rows.Add(new(pgbench, "transactions/s, 64 clients", None, Labelled(Rate(F(LoadNames.Pgbench, "pgbench", "tps-64")), "pgbench"), None, None, None));
        return rows;
    }

    /// <summary>The grains that woke for the app's opening, with how many of each: "1,000 SessionGrain, …".</summary>
    private string WokenGrains() => string.Join(", ", figures
        .Where(figure => figure.Load == LoadNames.Grains && figure.System == Kalmar && figure.Name.StartsWith(ActivationsOf, StringComparison.Ordinal))
        .Select(figure => $"{Count(figure.Value)} {figure.Name[ActivationsOf.Length..]}"));

    private const string ActivationsOf = "activations-added:";

    private static string Labelled(string figure, string what) => figure == None ? None : $"{figure} ({what})";

    private ReportRow Latency(string load, string name) => new(
        load, "p50 / p99",
        $"{Ms(F(name, Kalmar, "p50"))} / {Ms(F(name, Kalmar, "p99"))}",
        $"{Ms(F(name, Baseline, "p50"))} / {Ms(F(name, Baseline, "p99"))}",
        None, None, None);

    private string GrowthRates(string system) =>
        F(LoadNames.Growth, system, "first-throughput") is null
            ? None
            : $"{Rate(F(LoadNames.Growth, system, "first-throughput"))} → {Rate(F(LoadNames.Growth, system, "last-throughput"))} ({Count(F(LoadNames.Growth, system, "purchases"))} done)";

    public string Table()
    {
        var rows = Rows();
        var header = new ReportRow("load", "figure", "Kalmar", "baseline (same run)", "ratio", "target", "met");
        var all = rows.Prepend(header).ToList();
        int Width(Func<ReportRow, string> column) => all.Max(row => column(row).Length);
        var widths = new[] { Width(r => r.Load), Width(r => r.Figure), Width(r => r.Kalmar), Width(r => r.Compared), Width(r => r.Ratio), Width(r => r.Target) };
        var text = new StringBuilder();
        foreach (var row in all)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{row.Load.PadRight(widths[0])}  {row.Figure.PadRight(widths[1])}  {row.Kalmar.PadRight(widths[2])}  {row.Compared.PadRight(widths[3])}  {row.Ratio.PadRight(widths[4])}  {row.Target.PadRight(widths[5])}  {row.Met.Replace("*", "", StringComparison.Ordinal)}");
        }

        return text.ToString();
    }

    public string Markdown() => ResultsMarkdown.Write(Rows(), figures, MachineFacts.Read(values), sizes, quick);
}
