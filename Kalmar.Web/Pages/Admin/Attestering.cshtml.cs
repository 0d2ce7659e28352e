using Kalmar.Contracts.Abstractions;
using Kalmar.Web.Apis;
using Kalmar.Web.Auth;
using Kalmar.Web.Payloads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kalmar.Web.Pages.Admin;

/// <summary>The admin's live approval queue: approve, or reject with a reason.</summary>
public sealed class AttesteringModel(IClusterClient cluster) : PageModel
{
    public IReadOnlyList<OrderPayload> Pending { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool MessageIsError { get; set; }

    public async Task OnGetAsync() => Pending = await ApprovalsApi.LoadPendingAsync(cluster, AdminScope.Of(User));

    /// <summary>One queue row, fetched by the page's script when an order joins the queue live.</summary>
    public async Task<IActionResult> OnGetRowAsync(Guid id) =>
        await cluster.GetGrain<IOrderGrain>(id).GetAsync() is { } order && AdminScope.Of(User).Includes(order)
            ? Partial("_ApprovalRow", OrderPayload.Of(order))
            : NotFound();

    public Task<IActionResult> OnPostApproveAsync(Guid id) => DecideAsync(id, approve: true, reason: null, "Beställningen är godkänd och biljetten utfärdad.");

    public Task<IActionResult> OnPostRejectAsync(Guid id, string? reason) =>
        DecideAsync(id, approve: false, reason, "Beställningen är avslagen.");

    private async Task<IActionResult> DecideAsync(Guid id, bool approve, string? reason, string success)
    {
        var result = approve || !string.IsNullOrWhiteSpace(reason)
            ? (await ApprovalsApi.DecideAsync(id, approve, reason, HttpContext, cluster)).Result
            : Problems.Invalid("reason", "Ange varför beställningen avslås.");
        (Message, MessageIsError) = result is ProblemHttpResult problem ? (problem.ProblemDetails.Detail, true) : (success, false);
        return RedirectToPage();
    }
}
