using System.Globalization;
using System.Text;
using Kalmar.Bench.Measuring;
using Kalmar.Bench.Portal;
using static Kalmar.Bench.Report.Format;

namespace Kalmar.Bench.Report;

/// <summary>The "Invoices" section of bench/RESULTS.md: a month of many invoice lines as CSV and PDF, time, bytes and memory.</summary>
public sealed class InvoiceReport(IReadOnlyList<Figure> figures, IReadOnlyDictionary<string, string> values)
{
    public const string Heading = "## Invoices";

    private static readonly string[] Sizes = ["small", "large"];

    private double? F(string name) =>
        figures.LastOrDefault(figure => figure.Load == LoadNames.Invoices && figure.System == "kalmar" && figure.Name == name)?.Value;

    public string Table()
    {
        var md = new StringBuilder();
        md.AppendLine("| lines | download | time | first byte | size | web RSS before | web RSS peak | peak − before |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var size in Sizes)
        {
            foreach (var (key, label) in InvoiceLoad.Downloads)
            {
                var prefix = $"{size}-{key}";
                var (before, peak) = (F($"{prefix}-rss-before-mb"), F($"{prefix}-rss-peak-mb"));
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {Count(F($"lines-{size}"))} | {label} | {Seconds(F($"{prefix}-ms"))} | {Seconds(F($"{prefix}-first-byte-ms"))} " +
                    $"| {Mb(F($"{prefix}-bytes") / 1048576.0)} | {Mb(before)} | {Mb(peak)} | {Mb(peak - before)} |");
            }
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Writing the lines (`insert … select generate_series`): {Seconds(F("small-insert-ms"))} and {Seconds(F("large-insert-ms"))}; " +
            $"the month close (freezing the lines, numbering the invoice): {Seconds(F("small-close-ms"))} and {Seconds(F("large-close-ms"))}.");
        return md.ToString();
    }

    public string Markdown()
    {
        var md = ResultSections.Open(
            Heading, "Written by `bash bench/run.sh --loads invoices`; a run of its own, so these figures are not comparable with the tables above.",
            figures, values, LoadNames.Invoices, "as the load started / ended");
        md.Append(Table());
        md.AppendLine();
        md.Append(CultureInfo.InvariantCulture,
            $"Reading: both formats stream: the first byte of {Count(F("lines-large"))} closed lines after {Seconds(F("large-closed-csv-first-byte-ms"))} as CSV ");
        md.Append(CultureInfo.InvariantCulture,
            $"and {Seconds(F("large-closed-pdf-first-byte-ms"))} as PDF (written page by page, `StreamedPdf`: {Seconds(F("large-closed-pdf-ms"))} and ");
        md.Append(CultureInfo.InvariantCulture,
            $"{Mb(F("large-closed-pdf-bytes") / 1048576.0)} in all). ");
        md.AppendLine("RSS is the working set, not live objects: the GC keeps what it freed, so each download starts from the previous one's " +
            "high water and a rise is an upper bound on what the download needed.");
        md.AppendLine();
        md.AppendLine(
            """
            - **Lines**: staff-offer lines written straight into `invoice_ledger` for last month (500 travellers, ten references,
              35–45 kr excl. VAT), one company per size; the small month has a hundredth of the large one's lines, so that the
              two peaks show whether memory grows with the lines.
            - **Downloads**: `GET /api/admin/invoices/{month}.csv` and `.pdf` with the company admin's bearer token, read to the end
              by one client; first the preliminary month (read live from the ledgers), then, after the month close through the
              company's invoice grain, the closed invoice (read from `invoice_lines`).
            - **Memory**: the web process's resident set (`VmRSS` in `/proc/<pid>/status`) just before the request and its peak
              during it: sampled every 20 ms and, when the kernel lets the benchmark reset it (root: `echo 5 > /proc/<pid>/clear_refs`),
              the kernel's own high-water mark `VmHWM`. RSS includes what the GC has not returned to the OS yet, so a peak shows the
              working set, not live objects.
            - **Noise**: load generator, web node, silo and PostgreSQL share the machine's cores with other engineers' builds and
              tests; a load average above the number of cores (as listed above) makes every time here longer and noisier.
            """);
        return md.ToString();
    }

    private static string Seconds(double? ms) => ms is { } v && double.IsFinite(v) ? (v / 1000).ToString(v < 10_000 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " s" : None;

    private static string Mb(double? mb) => mb is { } v && double.IsFinite(v) ? v.ToString("0.0", CultureInfo.InvariantCulture) + " MB" : None;
}
