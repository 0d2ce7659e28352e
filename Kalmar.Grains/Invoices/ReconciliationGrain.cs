using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Grains.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kalmar.Grains.Invoices;

/// <summary>
/// Runs the reconciliation one at a time. After a month close it waits a little before running, so the closes of every
/// company at 00:05 share one run rather than queue one each. (That wait is in memory: should the silo stop within it,
/// the run is lost, and the operator's "Kör avstämning nu" or the next close makes up for it.)
/// </summary>
public sealed partial class ReconciliationGrain(
    Reconciliation reconciliation, [FromKeyedServices(BusinessClock.Key)] TimeProvider time, ILogger<ReconciliationGrain> logger)
    : Grain, IReconciliationGrain
{
    public static readonly TimeSpan AfterCloseDelay = TimeSpan.FromSeconds(30);

    private const int MismatchesLogged = 100;

    private IGrainTimer? _afterClose;

    public async Task<ReconciliationRun> RunAsync()
    {
        var run = await reconciliation.RunAsync(time.GetUtcNow());
        foreach (var mismatch in run.Mismatches.Take(MismatchesLogged))
        {
            LogMismatch(mismatch.TravellerId, mismatch.Company, mismatch.Month, mismatch.AccountOre, mismatch.LedgerOre, mismatch.InvoiceOre);
        }

        if (run.Mismatches.Count > 0)
        {
            LogMismatches(run.Mismatches.Count, run.Accounts);
        }
        else
        {
            LogReconciled(run.Accounts);
        }

        return run;
    }

    public Task RunAfterCloseAsync()
    {
        _afterClose ??= this.RegisterGrainTimer(RunAfterDelayAsync, AfterCloseDelay, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    private async Task RunAfterDelayAsync()
    {
        _afterClose?.Dispose();
        _afterClose = null;
        await RunAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Reconciliation mismatch: traveller {TravellerId} of {Company}, {Month}: account {AccountOre}, ledger {LedgerOre}, invoice {InvoiceOre} öre")]
    private partial void LogMismatch(Guid travellerId, string company, string month, long accountOre, long ledgerOre, long? invoiceOre);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciliation found {Mismatches} mismatches in {Accounts} credit accounts")]
    private partial void LogMismatches(int mismatches, int accounts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciliation: {Accounts} credit accounts agree with the ledger and the invoices")]
    private partial void LogReconciled(int accounts);
}
