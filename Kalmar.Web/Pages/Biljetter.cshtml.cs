using Kalmar.Web.Apis;
using Kalmar.Web.Auth;
using Kalmar.Web.Pages.Biljetter;
using Kalmar.Web.Payloads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kalmar.Web.Pages;

public sealed class BiljetterModel(IClusterClient cluster) : PageModel
{
    public TravellerContext Traveller { get; private set; } = null!;

    public IReadOnlyList<TicketPayload> Tickets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await TravellerContext.LoadAsync(cluster, User.GetUserId()) is not { } traveller)
        {
            return Forbid();
        }

        Traveller = traveller;
        Tickets = await MeApi.LoadTicketsAsync(cluster, traveller.User.Id);
        return Page();
    }
}
