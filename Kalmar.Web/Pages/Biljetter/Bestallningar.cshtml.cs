using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Ordering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kalmar.Web.Pages.Biljetter;

/// <summary>Mina beställningar: the traveller's orders, newest first, their status kept live.</summary>
public sealed class BestallningarModel(OrderingService ordering) : PageModel
{
    public IReadOnlyList<OrderView> Orders { get; private set; } = [];

    /// <summary>What a withdrawal on this list said (set by the order page's handler).</summary>
    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool MessageIsError { get; set; }

    public async Task OnGetAsync() => Orders = await ordering.OrdersAsync(User.GetUserId());
}
