using System.Net.Http.Headers;
using Kalmar.Bench.Measuring;
using Kalmar.Contracts.Model;

namespace Kalmar.Bench.Portal;

/// <summary>
/// A company's first day: its admin imports the travellers from a CSV file (a dry run, the import, the same file again),
/// each run on a fresh company; then, with the last run's travellers in place, the Resenärer search, one client in
/// sequence and several at once, and <c>/health/live</c> under the same load as the baseline.
/// </summary>
public sealed class OnboardingLoad(Seeder seeder, PortalHttp portal, Sizes sizes, FigureLog figures)
{
    private const string Load = LoadNames.Onboarding;
    private const string SystemName = "kalmar";
    private const int Departments = 10;

    /// <summary>The import's steps: figure key, label.</summary>
    public static readonly (string Key, string Label)[] Steps =
    [
        ("dry-run", "dry run (`dryRun=true`)"),
        ("import", "import (`dryRun=false`)"),
        ("reimport", "the same file again (`dryRun=false`, all unchanged)"),
    ];

    /// <summary>The requests measured: figure key, label. The person in the middle of the file is looked for by number and e-mail.</summary>
    public static readonly (string Key, string Label)[] Requests =
    [
        ("health", "`/health/live` (baseline)"),
        ("name", "`q=lindstr` (name fragment)"),
        ("employee-number", "`q=OB-02500` (employee number)"),
        ("email", "`q=person2500@onboarding-3.example` (e-mail)"),
        ("department", "`departmentId=…` (one of 10)"),
        ("active", "`status=active`"),
        ("sort-page", "`sort=department&page=40`"),
    ];

    private sealed record Company(string AdminToken, string Domain, IReadOnlyList<DepartmentInfo> Departments);

    public async Task RunAsync()
    {
        var count = sizes.OnboardingTravellers;
        MachineLoad.Note(figures, Load, SystemName);
        figures.Add(Load, SystemName, "travellers", count);
        var times = Steps.ToDictionary(step => step.Key, _ => new Latencies());
        Company? company = null;
        for (var run = 1; run <= sizes.OnboardingRuns; run++)
        {
            company = await CreateCompanyAsync(run);
            var file = TravellerFile.Generate(count, company.Domain, [.. company.Departments.Select(department => department.Name)]);
            Console.WriteLine($"kalmar: onboarding run {run}: importing {count:#,0} travellers ({file.Length / 1024} KB)");
            times["dry-run"].Add(await ImportAsync(company, file, dryRun: true, created: count, unchanged: 0));
            times["import"].Add(await ImportAsync(company, file, dryRun: false, created: count, unchanged: 0));
            times["reimport"].Add(await ImportAsync(company, file, dryRun: false, created: 0, unchanged: count));
        }

        foreach (var (key, _) in Steps)
        {
            figures.Add(Load, SystemName, $"{key}-p50-ms", times[key].Percentile(50));
            figures.Add(Load, SystemName, $"{key}-min-ms", times[key].Percentile(0));
            figures.Add(Load, SystemName, $"{key}-max-ms", times[key].Percentile(100));
        }

        MachineLoad.Note(figures, Load, SystemName);
        foreach (var (key, _) in Requests)
        {
            await MeasureAsync(key, company!);
        }
    }

    private async Task<Company> CreateCompanyAsync(int run)
    {
        var departments = Enumerable.Range(1, Departments).Select(d => new DepartmentInfo(Guid.NewGuid(), $"Avdelning {d}", $"OB{run}-{d}")).ToList();
        var token = await seeder.CreateCompanyAsync(
            new CompanyInfo(Guid.NewGuid(), $"Onboarding {run} AB", StaffOfferAvailable: true, departments), Guid.NewGuid(), $"onboarding-admin-{run}@example.se");
        return new Company(token, $"onboarding-{run}.example", departments);
    }

    /// <summary>One import of the file, in milliseconds; an answer other than the one expected stops the run.</summary>
    private async Task<double> ImportAsync(Company company, byte[] file, bool dryRun, int created, int unchanged)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var form = new MultipartFormDataContent { { content, "file", "resenarer.csv" } };
        var started = Ticks.Now;
        var answer = await portal.SendForJsonAsync(HttpMethod.Post, $"/api/admin/travellers/import?dryRun={(dryRun ? "true" : "false")}", company.AdminToken, form);
        var elapsed = Ticks.Milliseconds(started, Ticks.Now);
        if (answer.GetProperty("created").GetInt32() != created || answer.GetProperty("unchanged").GetInt32() != unchanged ||
            answer.GetProperty("updated").GetInt32() != 0 || answer.GetProperty("errors").GetArrayLength() != 0)
        {
            throw new InvalidOperationException($"Import (dryRun={dryRun}) answered {answer.GetRawText()[..Math.Min(500, answer.GetRawText().Length)]}");
        }

        Console.WriteLine($"  {(dryRun ? "dry run" : "import"),-8} created {created,5}, unchanged {unchanged,5}: {elapsed,8:0} ms");
        return elapsed;
    }

    private string PathOf(string key, Company company) => key switch
    {
        "health" => "/health/live",
        "name" => "/api/admin/travellers?q=lindstr",
        "employee-number" => $"/api/admin/travellers?q={TravellerFile.EmployeeNumber(sizes.OnboardingTravellers / 2)}",
        "email" => $"/api/admin/travellers?q={Uri.EscapeDataString(TravellerFile.Email(sizes.OnboardingTravellers / 2, company.Domain))}",
        "department" => $"/api/admin/travellers?departmentId={company.Departments[3].Id}",
        "active" => "/api/admin/travellers?status=active",
        "sort-page" => "/api/admin/travellers?sort=department&page=40",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    /// <summary>One request: its total (what the search found) is noted once, then it runs in sequence and from several clients.</summary>
    private async Task MeasureAsync(string key, Company company)
    {
        var path = PathOf(key, company);
        var token = key == "health" ? null : company.AdminToken;
        Console.WriteLine($"kalmar: GET {path}");
        if (token is not null)
        {
            var found = await portal.SendForJsonAsync(HttpMethod.Get, path, token);
            figures.Add(Load, SystemName, $"{key}-total", found.GetProperty("total").GetInt32());
            figures.Add(Load, SystemName, $"{key}-items", found.GetProperty("items").GetArrayLength());
        }

        async Task<bool> GetAsync()
        {
            using var response = await portal.SendAsync(HttpMethod.Get, path, token);
            return response.IsSuccessStatusCode;
        }

        for (var i = 0; i < 10; i++)
        {
            await GetAsync(); // warm-up
        }

        var sequential = new Latencies();
        var started = Ticks.Now;
        for (var i = 0; i < sizes.SearchRequests; i++)
        {
            var sent = Ticks.Now;
            if (!await GetAsync())
            {
                throw new InvalidOperationException($"GET {path} failed.");
            }

            sequential.Add(Ticks.Milliseconds(sent, Ticks.Now));
        }

        figures.Add(Load, SystemName, $"{key}-seq-rps", sizes.SearchRequests / (Ticks.Milliseconds(started, Ticks.Now) / 1000));
        figures.Add(Load, SystemName, $"{key}-seq-p50", sequential.Percentile(50));
        figures.Add(Load, SystemName, $"{key}-seq-p99", sequential.Percentile(99));

        var concurrent = await ClosedLoop.RunAsync(sizes.SearchConcurrency, sizes.Warmup, sizes.SearchDuration, (_, _) => GetAsync());
        figures.Add(Load, SystemName, $"{key}-conc-rps", concurrent.Throughput);
        figures.Add(Load, SystemName, $"{key}-conc-p50", concurrent.P50);
        figures.Add(Load, SystemName, $"{key}-conc-p99", concurrent.P99);
        figures.Add(Load, SystemName, $"{key}-conc-failed", concurrent.Failed);
    }
}
