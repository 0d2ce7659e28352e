using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kalmar.Web.Pages;

public sealed class LogoutModel(SessionsService sessions) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    /// <summary>Ends the session, so a copy of the cookie stops working too, and removes the cookie.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await sessions.EndAsync(User.GetUserId(), User.GetSessionId(), SessionEndReasons.Logout);
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/logga-in");
    }
}
