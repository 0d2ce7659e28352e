using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kalmar.Web.Pages.Biljetter;

/// <summary>Mina beställningar: the traveller's orders, newest first, their status kept live.</summary>
public sealed class BestallningarModel(IClusterClient cluster) : PageModel
{
    public IReadOnlyList<OrderView> Orders { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ids = await cluster.GetGrain<IUserGrain>(User.GetUserId()).GetOrderIdsAsync();
        var orders = await Task.WhenAll(ids.Select(id => cluster.GetGrain<IOrderGrain>(id).GetAsync()));
        Orders = [.. orders.OfType<OrderView>()];
    }
}
