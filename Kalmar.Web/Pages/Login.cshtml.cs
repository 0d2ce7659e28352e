using Kalmar.Web.Auth;
using Kalmar.Web.Features.SignIn;
using Kalmar.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Kalmar.Web.Pages;

[EnableRateLimiting(RateLimiting.SignIn)]
public sealed class LoginModel(SignInService signIn, SessionStarter sessions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Error = "Ange både e-postadress och lösenord.";
            return Page();
        }

        if (await signIn.SignInAsync(Email, Password) is not { } signedIn || !await sessions.StartPortalAsync(HttpContext, signedIn))
        {
            Error = SignInMessages.WrongCredentials;
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
