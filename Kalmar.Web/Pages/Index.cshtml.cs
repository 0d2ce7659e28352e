using Kalmar.Web.Apis;
using Kalmar.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kalmar.Web.Pages;

public sealed class IndexModel(IClusterClient cluster) : PageModel
{
    public MeResponse Me { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await MeResponse.LoadAsync(cluster, User.GetUserId()) is not { } me)
        {
            return Forbid();
        }

        Me = me;
        return Page();
    }
}
