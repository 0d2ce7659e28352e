using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.BusinessTravel;
using Kalmar.Web.Features.Profile;
using Kalmar.Web.Features.Tickets;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace Kalmar.Web.Pages;

public sealed class IndexModel(ProfileService profile, TicketsService tickets, BusinessTravelService businessTravel) : PageModel
{
    public MeResponse Me { get; private set; } = null!;

    /// <summary>Aktiva, Kommande and Spärrade, each with its count and first few tickets.</summary>
    public IReadOnlyList<TicketPage> TicketGroups { get; private set; } = [];

    /// <summary>The business-travel card ("Tjänsteresa 400 kr"), shown when business travel is granted.</summary>
    public CreditView? Credit { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // An operator belongs to no company and has no tickets: their start is the customer list.
        if (User.IsInRole(RoleNames.Operator))
        {
            return Redirect("/operator/kunder");
        }

        if (await profile.GetAsync(User.GetUserId()) is not { } me)
        {
            return Forbid();
        }

        Me = me;
        TicketGroups = await tickets.GroupsAsync(me.Id);
        Credit = me.BusinessTravel.Enabled ? await businessTravel.CreditAsync(me.Id) : null;
        return Page();
    }

    /// <summary>The ticket groups alone, re-read by the page's script when a ticket is issued (it lands in its group).</summary>
    public async Task<IActionResult> OnGetTicketsAsync() => Partial("_TicketGroups", await tickets.GroupsAsync(User.GetUserId()));
}
