using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Approvals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kalmar.Web.Pages.Admin;

/// <summary>The admin's live approval queue: approve, or reject with a reason.</summary>
public sealed class AttesteringModel(ApprovalsService approvals) : PageModel
{
    public IReadOnlyList<OrderView> Pending { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool MessageIsError { get; set; }

    public async Task OnGetAsync() => Pending = await approvals.ListPendingAsync(AdminScope.Of(User));

    /// <summary>One queue row, fetched by the page's script when an order joins the queue live.</summary>
    public async Task<IActionResult> OnGetRowAsync(Guid id) =>
        await approvals.FindAsync(AdminScope.Of(User), id) is { } order ? Partial("_ApprovalRow", order) : NotFound();

    public Task<IActionResult> OnPostApproveAsync(Guid id) => DecideAsync(id, approve: true, reason: null, "Beställningen är godkänd och biljetten utfärdad.");

    public Task<IActionResult> OnPostRejectAsync(Guid id, string? reason) =>
        DecideAsync(id, approve: false, reason, "Beställningen är avslagen.");

    private async Task<IActionResult> DecideAsync(Guid id, bool approve, string? reason, string success)
    {
        var decided = await approvals.DecideAsync(AdminScope.Of(User), id, new OrderDecision(approve, User.GetUserId(), User.Identity!.Name!, reason));
        (Message, MessageIsError) = decided.Rejection is { } rejection ? (rejection.Message, true) : (success, false);
        return RedirectToPage();
    }
}
