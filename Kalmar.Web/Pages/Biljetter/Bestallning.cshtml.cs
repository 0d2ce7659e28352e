using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kalmar.Web.Pages.Biljetter;

/// <summary>Orderbekräftelse: one of the traveller's own orders, its status kept live.</summary>
public sealed class BestallningModel(IClusterClient cluster) : PageModel
{
    public OrderView Order { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        // Someone else's order looks exactly like one that does not exist.
        if (await cluster.GetGrain<IOrderGrain>(id).GetAsync() is not { } order || order.Submission.TravellerId != User.GetUserId())
        {
            return NotFound();
        }

        Order = order;
        return Page();
    }
}
