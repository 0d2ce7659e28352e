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

    /// <summary>How the traveller chose to hear of decisions in Min profil: the page promises only that.</summary>
    public NotificationChoice Notify { get; private set; } = new(Email: true, Sms: false);

    /// <summary>The number an SMS about the decision goes to, or null when none is sent (not chosen, or no number).</summary>
    public string? SmsTo => Notify.Sms && Order.Submission.TravellerMobile is { Length: > 0 } mobile ? TicketText.Mobile(mobile) : null;

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
        Notify = (await ordering.TravellerAsync(User.GetUserId()))?.User.Notify ?? Notify;
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
