using System.Collections.Concurrent;
using System.Diagnostics;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Tests.Fixtures;
using Xunit.Abstractions;

namespace Kalmar.Tests.Grains;

/// <summary>
/// Durability: with two silos, the silo holding the credit account dies (or is stopped as by SIGTERM) in the middle of
/// a stream of purchases; afterwards every acknowledged purchase is in the grain state, the ledger and the wallet, none
/// twice.
/// A cluster of its own, since it kills one of its silos.
/// </summary>
public sealed class PurchaseDurabilityTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Callers = 4;
    private const int PurchasesPerCaller = 15;
    private const int AcknowledgedBeforeKill = 12;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private KalmarCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await (await PostgresServer.Shared).CreateDatabaseAsync();
        _cluster = await KalmarCluster.StartAsync(connectionString, silos: 2, settings: KalmarCluster.QuickFailureDetection);
        Log("cluster of two silos started");
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Log("cluster stopped");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task StoppingTheAccountsSiloMidStreamLosesNoAcknowledgedPurchaseAndChargesNoneTwice(bool graceful)
    {
        var client = _cluster.Client;
        var company = await Companies.CreateAsync(client, maxMonthlyLimitOre: 10_000_000);
        var traveller = await Travellers.CreateAsync(client, company.Id, company.DepartmentId);
        var travel = client.GetGrain<IBusinessTravelGrain>(traveller.Id);
        Assert.Null((await travel.GrantAsync(enabled: true, monthlyLimitOre: 10_000_000)).Rejection);
        Assert.Null((await travel.AddAllPayAsync()).Rejection);
        var account = client.GetGrain<ICreditAccountGrain>(traveller.Id);

        var answered = new ConcurrentDictionary<string, Outcome<BusinessTripReceipt>>();
        var unknown = new ConcurrentQueue<string>();
        var killNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var killed = new TaskCompletionSource<SiloAddress>(TaskCreationOptions.RunContinuationsAsynchronously);
        var answeredAfterKill = 0;
        async Task BuyInTurnAsync(int caller)
        {
            for (var i = 0; i < PurchasesPerCaller; i++)
            {
                var key = $"köp-{caller}-{i}";
                if (killNow.Task.IsCompleted)
                {
                    await killed.Task; // the stream goes on across the kill, not past it before the kill lands
                }

                try
                {
                    answered[key] = await travel.BuyAsync(Purchase(key));
                    if (killed.Task.IsCompleted)
                    {
                        Interlocked.Increment(ref answeredAfterKill);
                    }
                }
                catch (Exception exception)
                {
                    Log($"{key}: outcome unknown ({exception.GetType().Name})");
                    unknown.Enqueue(key);   // a failed call may or may not have charged: only a retry can tell
                    await _cluster.DeclaredDeadAsync(await killed.Task); // as a client backs off until the cluster has moved on
                }

                if (answered.Count >= AcknowledgedBeforeKill)
                {
                    killNow.TrySetResult();
                }
            }
        }

        var stream = Task.WhenAll(Enumerable.Range(0, Callers).Select(BuyInTurnAsync));
        killed.SetResult(await StopAccountsSiloAsync(account, killNow.Task, graceful));
        await stream;
        Log($"stream done: {answered.Count} answered, {answeredAfterKill} of them after the kill, {unknown.Count} unknown");
        // What a real client does with an unknown outcome: ask again with the same key. Once the dead silo is out of
        // the membership, nothing stands between the call and an answer.
        await _cluster.DeclaredDeadAsync(await killed.Task);
        Log("the killed silo is declared dead");
        foreach (var key in unknown)
        {
            answered[key] = await travel.BuyAsync(Purchase(key));
        }

        Log("unknown outcomes retried");

        // The kill must fall inside the stream, and the account must have moved, or this test proves nothing.
        Assert.True(answeredAfterKill > 0, "No purchase was answered after the kill.");
        var survivor = Assert.Single(_cluster.Cluster.GetActiveSilos()).SiloAddress;
        Assert.NotEqual(await killed.Task, survivor);
        Assert.Equal(survivor, await _cluster.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(account));
        Assert.All(answered.Values, outcome => Assert.Null(outcome.Rejection));
        var receipts = answered.ToDictionary(pair => pair.Key, pair => pair.Value.Value!);
        Assert.Equal(Callers * PurchasesPerCaller, receipts.Count);
        var total = receipts.Values.Sum(receipt => receipt.Ticket.PriceOre);

        var ledger = await LedgerReader.OfTravellerAsync(_cluster, traveller.Id);
        Assert.Equal(receipts.Keys.Order(), ledger.Select(row => row.IdempotencyKey).Order());   // one row each, none twice
        Assert.Equal(total, ledger.Sum(row => row.TotalOre));

        Assert.Equal(total, await LedgerReader.StoredUsedOreAsync(_cluster, traveller.Id));
        Assert.Equal(total, (await account.GetAsync()).UsedOre);

        var tickets = await client.GetGrain<IUserGrain>(traveller.Id).GetActiveTicketsAsync();
        Assert.Equal(receipts.Values.Select(receipt => receipt.Ticket.Id).Order(), tickets.Select(ticket => ticket.Id).Order());
        Log("reconciled");
    }

    /// <summary>
    /// Waits for the signal, finds the silo the account is active on and stops it: gracefully as on SIGTERM (Orleans lets
    /// running calls finish and deactivates the grains; their state is written before each answer anyway), or killed.
    /// </summary>
    private async Task<SiloAddress> StopAccountsSiloAsync(ICreditAccountGrain account, Task signal, bool graceful)
    {
        await signal;
        var host = await _cluster.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(account)
            ?? throw new InvalidOperationException("The credit account is not active anywhere.");
        var silo = _cluster.Cluster.GetSiloForAddress(host) ?? throw new InvalidOperationException($"{host} is not a silo of this cluster.");
        Log($"{(graceful ? "stopping" : "killing")} silo {silo.Name} ({host}), which holds the account");
        await (graceful ? _cluster.Cluster.StopSiloAsync(silo) : _cluster.Cluster.KillSiloAsync(silo));
        Log("silo gone");
        return host;
    }

    private static BusinessTripPurchase Purchase(string key) => new(key, "enkel", "vuxen", ["101", "131"], "Kundmöte i Nybro");

    private void Log(string message) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:0.0} s  {message}");
}
