using System.Globalization;
using System.Text;
using Kalmar.Bench.Measuring;
using Kalmar.Bench.Portal;
using static Kalmar.Bench.Report.Format;

namespace Kalmar.Bench.Report;

/// <summary>The "Onboarding" section of bench/RESULTS.md: traveller import and the Resenärer search, from one run's figures.</summary>
public sealed class OnboardingReport(IReadOnlyList<Figure> figures, Sizes sizes, IReadOnlyDictionary<string, string> values)
{
    public const string Heading = "## Onboarding";

    private double? F(string name) =>
        figures.LastOrDefault(figure => figure.Load == LoadNames.Onboarding && figure.System == "kalmar" && figure.Name == name)?.Value;

    /// <summary>The two tables, as Markdown (the console shows them too).</summary>
    public string Tables()
    {
        var md = new StringBuilder();
        var travellers = Count(F("travellers"));
        md.AppendLine(CultureInfo.InvariantCulture, $"Import of {travellers} travellers, {sizes.OnboardingRuns} run(s), each on a fresh company:");
        md.AppendLine();
        md.AppendLine("| step | p50 | min | max |");
        md.AppendLine("|---|---|---|---|");
        foreach (var (key, label) in OnboardingLoad.Steps)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {Ms(F($"{key}-p50-ms"))} | {Ms(F($"{key}-min-ms"))} | {Ms(F($"{key}-max-ms"))} |");
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"`GET /api/admin/travellers?…` with {travellers} travellers in the company, as its admin; the ratio is to `/health/live` under the same load:");
        md.AppendLine();
        var concurrent = $"{sizes.SearchConcurrency} clients, {sizes.SearchDuration.TotalSeconds:0} s";
        md.AppendLine(CultureInfo.InvariantCulture,
            $"| request | found | 1 client, {sizes.SearchRequests} in sequence | p50 / p99 | ratio | {concurrent} | p50 / p99 | ratio |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var (key, label) in OnboardingLoad.Requests)
        {
            var found = key == "health" ? None : $"{Count(F($"{key}-total"))} ({Count(F($"{key}-items"))} on the page)";
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {label} | {found} | {Rate(F($"{key}-seq-rps"))} | {Ms(F($"{key}-seq-p50"))} / {Ms(F($"{key}-seq-p99"))} | {RatioToHealth(key, "seq")} " +
                $"| {Rate(F($"{key}-conc-rps"))} | {Ms(F($"{key}-conc-p50"))} / {Ms(F($"{key}-conc-p99"))} | {RatioToHealth(key, "conc")} |");
        }

        return md.ToString();
    }

    /// <summary>The ratio to /health/live; one far below 0.1 with three decimals, so that it does not read as zero.</summary>
    private string RatioToHealth(string key, string mode) =>
        key == "health" ? None
        : Ratio(F($"{key}-{mode}-rps"), F($"health-{mode}-rps")) is { } ratio && ratio < 0.1 ? ratio.ToString("0.000", CultureInfo.InvariantCulture) + "×"
        : Times(Ratio(F($"{key}-{mode}-rps"), F($"health-{mode}-rps")));

    /// <summary>The whole section: machine, conditions, the tables and how they are measured.</summary>
    public string Markdown()
    {
        var md = ResultSections.Open(
            Heading,
            "Written by `bash bench/run.sh --loads onboarding`; a run of its own, so these figures are not comparable with the table above\n" +
            "(other day, other load on the machine). Every ratio is between figures of this one run.",
            figures, values, LoadNames.Onboarding, "as the import and the search started");
        md.Append(Tables());
        md.AppendLine();
        md.AppendLine(
            """
            - **Import**: a CSV file as an HR export makes it (UTF-8 with BOM, `;`, `Förnamn;Efternamn;E-post;Mobil;Avdelning;Anställningsnummer`,
              ten departments by name), `POST /api/admin/travellers/import` as multipart field `file` with the company admin's bearer token;
              the time runs from sending the request to the whole answer; each answer is checked (created, unchanged, no errors).
              The dry run writes nothing; the import creates every traveller (and their invitations, through the outbox) in one
              transaction; the same file again finds every row unchanged. Each run has a company and e-mail domain of its own.
            - **Search**: the last run's company (labels as in a full run; a `--quick` run looks for the middle of its smaller file); `found` is the answer's `total` (the admin is a traveller of the company too).
              10 requests of warm-up, then the requests one after the other (requests/s over their whole time), then a closed loop of
              several clients (warm-up as the other loads, then the measured window). `/health/live` is sent without a token.
              Load generator, web node, silo and PostgreSQL share the machine's 2 cores with other engineers' builds and tests.
            """);
        return md.ToString();
    }

    /// <summary>The section of <paramref name="text"/> under <see cref="Heading"/>, or null.</summary>
    public static string? SectionOf(string text) => ResultSections.Of(text, Heading);

    /// <summary><paramref name="text"/> with its section replaced by <paramref name="section"/>, or the section appended.</summary>
    public static string WithSection(string text, string section) => ResultSections.With(text, Heading, section);
}
