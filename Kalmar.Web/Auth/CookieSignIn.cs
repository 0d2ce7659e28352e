using Kalmar.Contracts.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Kalmar.Web.Auth;

public static class CookieSignIn
{
    /// <summary>Gives the browser the portal's cookie for the session, replacing the one it had.</summary>
    public static Task SignInWithCookieAsync(this HttpContext http, UserSession session) =>
        http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            SessionClaims.ToPrincipal(session, CookieAuthenticationDefaults.AuthenticationScheme));
}
