using Kalmar.Web.Features.Profile;
using Kalmar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Kalmar.Web.Pages;

/// <summary>
/// The page the link to a new e-mail address opens. Opening it changes nothing (mail scanners open links); the
/// button does, once. Whoever holds the link proved the mailbox; the password was asked when the change was.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.SignIn)]
public sealed class BekraftaEPostModel(ProfileService profile) : PageModel
{
    [BindProperty(Name = "user", SupportsGet = true)]
    public string? UserKey { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>The address the account now has, once confirmed.</summary>
    public string? Confirmed { get; private set; }

    public string? LinkError { get; private set; }

    public void OnGet() => KeepTheCodeToThisPage();

    public async Task OnPostAsync()
    {
        KeepTheCodeToThisPage();
        if (!Guid.TryParse(UserKey, out var userId) || string.IsNullOrEmpty(Token))
        {
            LinkError = "Länken är inte komplett. Kopiera hela länken från mejlet.";
            return;
        }

        var confirmed = await profile.ConfirmEmailChangeAsync(userId, Token);
        (Confirmed, LinkError) = (confirmed.Value?.Email, confirmed.Rejection?.Message);
    }

    /// <summary>The address carries the link's code: no other site may learn it from the Referer header, and no cache may keep it.</summary>
    private void KeepTheCodeToThisPage()
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers.CacheControl = "no-store";
    }
}
