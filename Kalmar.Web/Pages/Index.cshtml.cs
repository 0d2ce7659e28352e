using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Web.Apis;
using Kalmar.Web.Auth;
using Kalmar.Web.Payloads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kalmar.Web.Pages;

public sealed class IndexModel(IClusterClient cluster) : PageModel
{
    public MeResponse Me { get; private set; } = null!;

    public IReadOnlyList<TicketPayload> Tickets { get; private set; } = [];

    /// <summary>The business-travel card ("Tjänsteresa 400 kr"), shown when business travel is granted.</summary>
    public CreditView? Credit { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await MeResponse.LoadAsync(cluster, User.GetUserId()) is not { } me)
        {
            return Forbid();
        }

        Me = me;
        Tickets = await LoadTicketsAsync();
        Credit = me.BusinessTravel.Enabled ? await cluster.GetGrain<ICreditAccountGrain>(me.Id).GetAsync() : null;
        return Page();
    }

    /// <summary>The ticket list alone, re-read by the page's script when a ticket is issued.</summary>
    public async Task<IActionResult> OnGetTicketsAsync() => Partial("_ActiveTickets", await LoadTicketsAsync());

    private async Task<IReadOnlyList<TicketPayload>> LoadTicketsAsync() =>
        await MeApi.LoadTicketsAsync(cluster, User.GetUserId());
}
