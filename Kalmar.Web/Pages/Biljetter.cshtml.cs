using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Ordering;
using Kalmar.Web.Features.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kalmar.Web.Pages;

public sealed class BiljetterModel(OrderingService ordering, TicketsService tickets) : PageModel
{
    public TravellerContext Traveller { get; private set; } = null!;

    public IReadOnlyList<TicketPage> TicketGroups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await ordering.TravellerAsync(User.GetUserId()) is not { } traveller)
        {
            return Forbid();
        }

        Traveller = traveller;
        TicketGroups = await tickets.GroupsAsync(traveller.User.Id);
        return Page();
    }
}
