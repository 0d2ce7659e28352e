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

    public static async Task<int> ReportAsync(BenchSettings settings)
    {
        var figures = FigureLog.Read(settings.FiguresFile);
        var report = new ResultsReport(figures, settings.Sizes, settings.Quick, settings.Values);
        Console.WriteLine();
        Console.WriteLine(report.Table());
        if (settings.Values.TryGetValue("out", out var path))
        {
            await File.WriteAllTextAsync(path, report.Markdown());
            Console.WriteLine($"Written to {path}");
        }

        return 0;
    }
}
