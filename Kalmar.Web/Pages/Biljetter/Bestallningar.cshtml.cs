using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Ordering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kalmar.Web.Pages.Biljetter;

/// <summary>Mina beställningar: the traveller's orders, newest first, their status kept live.</summary>
public sealed class BestallningarModel(OrderingService ordering) : PageModel
{
    public IReadOnlyList<OrderView> Orders { get; private set; } = [];

    public async Task OnGetAsync() => Orders = await ordering.OrdersAsync(User.GetUserId());
}
