using System.Globalization;
using Kalmar.Bench.Portal;
using Npgsql;

namespace Kalmar.Bench.Chaos;

/// <summary>
/// The chaos run's steady mixed load (bench/chaos.sh kills and restarts the processes meanwhile): travellers buying
/// business trips, travellers ordering staff-offer tickets, an admin deciding them, and every traveller's phone on the hub.
/// When it stops, <see cref="ChaosCheck"/> compares what each client was told with the database.
/// </summary>
public sealed class ChaosLoad(BenchSettings settings)
{
    private const int BuyerCount = 24;
    private const int OrdererCount = 6;

    /// <summary>Long enough for a decision's last events to reach the phones.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    public async Task<int> RunAsync()
    {
        var nodes = new WebNodes([.. settings.Required("urls").Split(',').Select(url => new Uri(url))]);
        await using var database = NpgsqlDataSource.Create(settings.Required("database"));
        var (adminToken, buyerTravellers, ordererTravellers) = await SeedAsync(nodes.Portal(0), database);
        var journeyId = await StaffOrders.JourneyIdAsync(nodes.Portal(0), ordererTravellers[0].Token);

        var stats = new ChaosStats();
        var api = new PatientApi(nodes, stats);
        var phones = buyerTravellers.Concat(ordererTravellers).Select((traveller, i) => new Phone(traveller, i % 2, nodes, api, stats)).ToList();
        await Task.WhenAll(phones.Select(phone => phone.ConnectAsync()));
        var buyers = buyerTravellers.Select((traveller, i) => new Buyer(traveller, i % 2, api)).ToList();
        var orderers = ordererTravellers.Select((traveller, i) => new Orderer(traveller, i % 2, api, journeyId)).ToList();
        var approver = new Approver(adminToken, api);

        var seconds = int.Parse(settings.Required("seconds"), CultureInfo.InvariantCulture);
        Console.WriteLine($"chaos: load running for {seconds} s: {buyers.Count} buyers, {orderers.Count} orderers, an admin, {phones.Count} phones on the hub");
        await File.WriteAllTextAsync(settings.Required("started"), "");
        using var loadStops = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        using var queueCloses = new CancellationTokenSource();
        var deciding = Task.Run(() => approver.RunAsync(queueCloses.Token));
        await Task.WhenAll(buyers.Select(buyer => Task.Run(() => buyer.RunAsync(loadStops.Token)))
            .Concat(orderers.Select(orderer => Task.Run(() => orderer.RunAsync(loadStops.Token)))));
        await queueCloses.CancelAsync();
        await deciding;
        Console.WriteLine("chaos: load stopped, the queue is empty; checking");
        await Task.Delay(Settle);

        var check = new ChaosCheck(await StoredRows.ReadAsync(database, [.. phones.Select(phone => phone.Traveller.Id)]));
        var phonesByTraveller = phones.ToDictionary(phone => phone.Traveller.Id);
        check.Purchases(buyers);
        check.Accounts(buyers, phonesByTraveller);
        check.Orders(orderers, approver, phonesByTraveller);
        Report(stats, phones, buyers.Sum(buyer => buyer.Refused.Count) + orderers.Sum(orderer => orderer.Refused.Count) + approver.Refused.Count);
        foreach (var phone in phones)
        {
            await phone.DisposeAsync();
        }

        foreach (var problem in check.Problems)
        {
            Console.WriteLine($"FAILED: {problem}");
        }

        Console.WriteLine(check.Problems.Count == 0 ? "RESULT: nothing lost, nothing doubled" : "RESULT: lost or doubled, see FAILED above");
        return check.Problems.Count == 0 ? 0 : 1;
    }

    private async Task<(string AdminToken, IReadOnlyList<Traveller> Buyers, IReadOnlyList<Traveller> Orderers)> SeedAsync(PortalHttp portal, NpgsqlDataSource database)
    {
        await using var cluster = await BenchCluster.ConnectAsync(settings.Required("database"), settings.Required("cluster-id"));
        var seeder = new Seeder(cluster, portal, new ActivationCodes(database));
        var adminToken = await seeder.CreateCompanyAsync();
        Console.WriteLine($"chaos: seeding {BuyerCount + OrdererCount} travellers (business travel, app activated, AllPay)");
        return (adminToken, await seeder.CreateTravellersAsync(BuyerCount, adminToken), await seeder.CreateTravellersAsync(OrdererCount, adminToken));
    }

    private static void Report(ChaosStats stats, List<Phone> phones, int refused)
    {
        var failures = string.Join(", ", stats.Failures.OrderByDescending(failure => failure.Value).Select(failure => $"{failure.Key}: {failure.Value}"));
        Console.WriteLine($"requests and hub connects: {stats.Attempts}, failed attempts {stats.FailedAttempts} " +
            $"({100.0 * stats.FailedAttempts / Math.Max(1, stats.Attempts):0.00} %){(failures.Length > 0 ? $": {failures}" : "")}; refused with a 4xx: {refused}");
        Console.WriteLine($"hub clients: {phones.Count}, reconnects {phones.Sum(phone => phone.Reconnects)}, live events received {phones.Sum(phone => phone.LiveEvents)}");
        Console.WriteLine($"longest interruption a client saw: {stats.LongestInterruptionMs / 1000:0.0} s ({stats.LongestInterruptionOf})");
    }
}
