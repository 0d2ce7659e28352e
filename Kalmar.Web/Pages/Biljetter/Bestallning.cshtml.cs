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

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await ordering.FindOrderAsync(User.GetUserId(), id) is not { } order)
        {
            return NotFound();
        }

        Order = order;
        return Page();
    }
}
