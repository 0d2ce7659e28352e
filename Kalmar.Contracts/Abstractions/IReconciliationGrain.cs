using Kalmar.Contracts.Model;

namespace Kalmar.Contracts.Abstractions;

/// <summary>KLT's reconciliation (one grain, key 0): credit accounts against the credit ledger and the closed invoices.</summary>
[Alias("Kalmar.IReconciliationGrain")]
public interface IReconciliationGrain : IGrainWithIntegerKey
{
    /// <summary>Checks now and stores the run as the latest.</summary>
    [Alias("Run")]
    [ResponseTimeout("00:02:00")] // thousands of rows or accounts: longer than a web node's usual wait
    Task<ReconciliationRun> RunAsync();

    /// <summary>
    /// Asks for a run after a month close. Returns at once; closes that come close together (every company closes at
    /// the same minute) share one run.
    /// </summary>
    [Alias("RunAfterClose")]
    Task RunAfterCloseAsync();
}
