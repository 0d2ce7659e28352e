using Kalmar.Bench.Measuring;
using Kalmar.Bench.Portal;
using Kalmar.Bench.Purchasing;
using Kalmar.Bench.Report;
using Npgsql;

namespace Kalmar.Bench;

/// <summary>The phases run.sh calls, once the system each one measures is up.</summary>
public static class Phases
{
    /// <summary>Travellers who place staff-offer orders for the approve → event load.</summary>
    private const int Orderers = 10;

    public static async Task<int> BaselineAsync(BenchSettings settings)
    {
        using var http = PortalHttp.CreateClient(settings.Url);
        var target = new BaselineTarget(http);
        await target.CreateAccountsAsync(Accounts.Count(settings.Sizes.Accounts));
        await new PurchaseLoads(settings, new FigureLog(settings.FiguresFile)).RunAsync(target);
        return 0;
    }

    public static async Task<int> KalmarAsync(BenchSettings settings)
    {
        var sizes = settings.Sizes;
        var figures = new FigureLog(settings.FiguresFile);
        using var http = PortalHttp.CreateClient(settings.Url);
        var portal = new PortalHttp(http);
        await using var database = NpgsqlDataSource.Create(settings.Required("database"));
        await using var cluster = await BenchCluster.ConnectAsync(settings.Required("database"), settings.Required("cluster-id"));

        var seeder = new Seeder(cluster, portal, new ActivationCodes(database));
        var adminToken = await seeder.CreateCompanyAsync();
        Console.WriteLine($"kalmar: seeding {Accounts.Count(sizes.Accounts) + Orderers + 1} travellers (business travel, app activated, AllPay)");
        var started = Ticks.Now;
        var accounts = await seeder.CreateTravellersAsync(Accounts.Count(sizes.Accounts), adminToken);
        var orderers = await seeder.CreateTravellersAsync(Orderers, adminToken);
        var buyer = (await seeder.CreateTravellersAsync(1, adminToken))[0];
        figures.Add("seed", "kalmar", "seconds", Ticks.Milliseconds(started, Ticks.Now) / 1000);
        var spread = accounts.Skip(Accounts.FirstSpread).ToList();
        await File.WriteAllLinesAsync(settings.Required("tokens"), spread.Select(traveller => traveller.Token));

        await new PurchaseLoads(settings, figures).RunAsync(new KalmarTarget(portal, accounts));
        if (settings.Runs(LoadNames.Live))
        {
            await new LiveLoads(settings.Url, portal, sizes, figures).RunAsync(int.Parse(settings.Required("web-pid")), adminToken, spread, orderers, buyer);
        }

        if (settings.Runs(LoadNames.Grains))
        {
            Console.WriteLine($"kalmar: memory of {spread.Count} resident travellers");
            await new GrainMemory(cluster, portal, figures).MeasureAsync(int.Parse(settings.Required("silo-pid")), spread);
        }

        return 0;
    }

    public static async Task<int> OnboardingAsync(BenchSettings settings)
    {
        using var http = PortalHttp.CreateClient(settings.Url);
        var portal = new PortalHttp(http);
        await using var database = NpgsqlDataSource.Create(settings.Required("database"));
        await using var cluster = await BenchCluster.ConnectAsync(settings.Required("database"), settings.Required("cluster-id"));
        var seeder = new Seeder(cluster, portal, new ActivationCodes(database));
        await new OnboardingLoad(seeder, portal, settings.Sizes, new FigureLog(settings.FiguresFile)).RunAsync();
        return 0;
    }

    public static async Task<int> InvoicesAsync(BenchSettings settings)
    {
        using var http = PortalHttp.CreateClient(settings.Url);
        var portal = new PortalHttp(http);
        await using var database = NpgsqlDataSource.Create(settings.Required("database"));
        await using var cluster = await BenchCluster.ConnectAsync(settings.Required("database"), settings.Required("cluster-id"));
        var seeder = new Seeder(cluster, portal, new ActivationCodes(database));
        await new InvoiceLoad(seeder, cluster, database, settings.Url, int.Parse(settings.Required("web-pid")), settings.Sizes,
            new FigureLog(settings.FiguresFile)).RunAsync();
        return 0;
    }

    /// <summary>
    /// The table of issue 15 (when the run measured any of its loads) and the Onboarding section (when it measured that);
    /// a run of either keeps the other's part of the results file as it was.
    /// </summary>
    public static async Task<int> ReportAsync(BenchSettings settings)
    {
        var all = FigureLog.Read(settings.FiguresFile);
        var figures = all.Where(figure => figure.Load is not (LoadNames.Onboarding or LoadNames.Invoices)).ToList();
        var report = new ResultsReport(figures, settings.Sizes, settings.Quick, settings.Values);
        var onboarding = all.Any(figure => figure.Load == LoadNames.Onboarding) ? new OnboardingReport(all, settings.Sizes, settings.Values) : null;
        var invoices = all.Any(figure => figure.Load == LoadNames.Invoices) ? new InvoiceReport(all, settings.Values) : null;
        Console.WriteLine();
        Console.WriteLine(figures.Count > 0 ? report.Table() : "");
        Console.WriteLine(onboarding?.Tables() ?? "");
        Console.WriteLine(invoices?.Table() ?? "");
        if (settings.Values.TryGetValue("out", out var path))
        {
            var old = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";
            var text = figures.Count > 0 ? report.Markdown() : old;
            var section = onboarding?.Markdown() ?? OnboardingReport.SectionOf(old);
            text = section is null ? text : OnboardingReport.WithSection(text, section);
            var invoiceSection = invoices?.Markdown() ?? ResultSections.Of(old, InvoiceReport.Heading);
            await File.WriteAllTextAsync(path, invoiceSection is null ? text : ResultSections.With(text, InvoiceReport.Heading, invoiceSection));
            Console.WriteLine($"Written to {path}");
        }

        return 0;
    }
}
