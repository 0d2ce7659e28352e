using System.Globalization;
using System.Text;
using Kalmar.Bench.Measuring;

namespace Kalmar.Bench.Report;

/// <summary>bench/RESULTS.md: the machine, the conditions, the table, how each figure is measured, and every raw figure.</summary>
public static class ResultsMarkdown
{
    public static string Write(IReadOnlyList<ReportRow> rows, IReadOnlyList<Figure> figures, IReadOnlyList<(string Name, string Value)> facts, Sizes sizes, bool quick)
    {
        var md = new StringBuilder();
        md.AppendLine("# Benchmark results (issue 15)");
        md.AppendLine();
        var mode = quick ? " --quick` — a **quick** smoke run: smaller counts, not the figures of record" : "`";
        md.AppendLine(CultureInfo.InvariantCulture, $"Written by `bash bench/run.sh{mode}. Every figure below comes from this one run, and every ratio is between figures of this run.");
        md.AppendLine();
        md.AppendLine("## Machine");
        md.AppendLine();
        foreach (var (name, value) in facts)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {name}: {value}");
        }

        md.AppendLine();
        md.AppendLine("## Conditions");
        md.AppendLine();
        md.AppendLine("- PostgreSQL: a throwaway cluster started by the run, **fsync on**, `synchronous_commit` on, `max_connections` 400, all else default.");
        md.AppendLine("- PostgreSQL, the system under test and the load generator share the machine's cores; the machine is also shared with other");
        md.AppendLine("  engineers building and testing, so figures are noisy (see the load averages above). Compare ratios, not absolute figures.");
        md.AppendLine("- Kalmar: one silo and one web node (Release build, Development environment, log level Warning; OpenTelemetry metrics on,");
        md.AppendLine("  spans not recorded, as on a node with no trace exporter configured), driven over HTTP with bearer tokens and");
        md.AppendLine("  the SignalR .NET client over WebSockets. Baseline: `bench/Kalmar.Bench.Baseline`, ASP.NET Core minimal API + Npgsql,");
        md.AppendLine("  no authentication; one transaction per purchase (conditional UPDATE, ledger row, idempotency row with its answer),");
        md.AppendLine("  sent as one statement, so its row lock is held only while PostgreSQL works and commits. Both use Npgsql with the same");
        md.AppendLine("  settings: statements prepared automatically once per connection, no session reset when a connection returns to the pool.");
        var loadAverages = figures.Where(figure => figure.Name.Contains("load-average", StringComparison.Ordinal))
            .Select(figure => string.Create(CultureInfo.InvariantCulture, $"{figure.Load} {figure.System} {figure.Value:0.#}"));
        md.AppendLine(CultureInfo.InvariantCulture, $"- The machine's load average (1 min) as each load started: {string.Join(", ", loadAverages)}.");
        md.AppendLine(CultureInfo.InvariantCulture,
            $"- Closed-loop loads: {sizes.Warmup.TotalSeconds:0} s warm-up, then {sizes.Duration.TotalSeconds:0} s measured; the answers that arrive in that window count.");
        md.AppendLine();
        md.AppendLine("## Results");
        md.AppendLine();
        md.AppendLine("The ratio is Kalmar's figure divided by the compared one (the baseline's, unless the column names another).");
        md.AppendLine();
        md.AppendLine("| load | figure | Kalmar | baseline (same run) | ratio | target (issue 15) | met |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {row.Load} | {row.Figure} | {row.Kalmar} | {row.Compared} | {row.Ratio} | {row.Target} | {row.Met} |");
        }

        md.AppendLine();
        md.AppendLine(HowMeasured);
        md.AppendLine("## Every figure of the run");
        md.AppendLine();
        md.AppendLine("| load | system | figure | value |");
        md.AppendLine("|---|---|---|---|");
        foreach (var figure in figures)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {figure.Load} | {figure.System} | {figure.Name} | {figure.Value:0.###} |");
        }

        return md.ToString();
    }

    private const string HowMeasured =
        """
        ## How each figure is measured

        - **pgbench**: `bench/pgbench/conditional-update.sql` (`update account set used = used + :x where id = 1 and used + :x <= lim`),
          `pgbench -n -M prepared -f … -T …`, with 1 client and with 64 clients (2 threads), on the same cluster.
        - **Purchases** (hot account, many accounts, in sequence, growth): closed loops of HTTP requests, each with a fresh idempotency
          key; Kalmar `POST /api/app/purchases` (one zone, `enkel`/`vuxen`, AllPay) with the traveller's bearer token, the baseline
          `POST /purchase`. Throughput counts 201 answers; p50/p99 are their latencies. Each load starts on a fresh account whose
          monthly limit is never reached. The many-accounts load gives worker *w* the accounts *w*, *w*+64, …, so no two requests
          share an account at once.
        - **Growth**: a fresh account takes the stated number of purchases; the throughput of the last window of answers is divided by
          that of the first. A time cap ends the load early on a system that slows down badly; the figures then say how many it reached.
        - **Approve → `orderStatusChanged`**: travellers place staff-offer orders (cart, checkout) beforehand; with the idle
          connections open, an admin approves one order at a time; the latency runs from sending the approve request to the event
          arriving on the ordering traveller's hub connection. **Purchase → `creditChanged`**: the traveller buys on one device (HTTP);
          the latency runs from sending the purchase to `creditChanged` with the new balance arriving on their second device (a hub
          connection). The first tenth (at most 10) of each is warm-up and not counted.
        - **Memory per idle hub connection**: the web process's RSS and its live managed heap, each measured right after a full
          blocking GC (induced through the diagnostics port, as dotnet-gcdump does), before and after opening the idle connections
          (WebSockets, bearer token, several devices per traveller), divided by the connections opened.
        - **Memory of resident travellers' grains**: the silo's idle activations are collected (management grain), the silo is
          measured as above, each traveller opens the app (`GET /api/app/credit`, `GET /api/app/payment-methods`), the silo is
          measured again; the growth is divided by the grains that woke (counted by type through the management grain; the issue's
          target is per resident traveller grain) and, shown beside it, by the travellers. The target is judged on the managed
          heap: the silo's RSS moves by more than these few MB whenever the GC returns memory to the system.
        - **`GET /api/app/credit` vs `/health/live`**: wrk, 2 threads, 64 connections; the credit requests rotate over the
          travellers' bearer tokens (`bench/wrk/credit.lua`).

        """;
}
