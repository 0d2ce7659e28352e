using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Ordering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kalmar.Web.Pages.Biljetter;

/// <summary>Orderbekräftelse: one of the traveller's own orders, its status kept live.</summary>
public sealed class BestallningModel(OrderingService ordering) : PageModel
{
    public OrderView Order { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool MessageIsError { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await ordering.FindOrderAsync(User.GetUserId(), id) is not { } order)
        {
            return NotFound();
        }

        Order = order;
        return Page();
    }

    /// <summary>"Dra tillbaka beställningen", from this page or Mina beställningar (<paramref name="returnTo"/> <c>list</c>).</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, string? returnTo)
    {
        var withdrawn = await ordering.WithdrawAsync(User.GetUserId(), User.Identity?.Name ?? "", id);
        if (withdrawn.Rejection is { Code: RejectionCodes.NotFound })
        {
            return NotFound();
        }

        (Message, MessageIsError) = withdrawn.Rejection is { } rejection
            ? (rejection.Message, true)
            : ("Beställningen är tillbakadragen. Den attesteras inte och ingen biljett utfärdas.", false);
        return returnTo == "list" ? RedirectToPage("/Biljetter/Bestallningar") : RedirectToPage(new { id });
    }
}
