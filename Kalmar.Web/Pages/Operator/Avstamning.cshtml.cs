using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Web.Features.Invoices;
using Microsoft.AspNetCore.Mvc;

namespace Kalmar.Web.Pages.Operator;

/// <summary>The latest reconciliation of credit accounts, credit ledger and invoices, and a button to run it now.</summary>
public sealed class AvstamningModel(ReconciliationReader reconciliation, IClusterClient grains) : FormPageModel
{
    public ReconciliationRun? Latest { get; private set; }

    public async Task OnGetAsync() => Latest = await reconciliation.LatestAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostRunAsync()
    {
        var run = await grains.GetGrain<IReconciliationGrain>(0).RunAsync();
        (Message, MessageIsError) = run.Mismatches.Count == 0
            ? ($"Avstämningen är klar: alla {run.Accounts} kreditkonton stämmer.", false)
            : ($"Avstämningen hittade {run.Mismatches.Count} avvikelser.", true);
        return RedirectToPage();
    }
}
