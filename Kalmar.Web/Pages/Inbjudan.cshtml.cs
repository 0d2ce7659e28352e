using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.SignIn;
using Kalmar.Web.Pages.Biljetter;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kalmar.Web.Pages;

/// <summary>The page the invitation e-mail links to: the new user's first password, then signed in.</summary>
[AllowAnonymous]
public sealed class InbjudanModel(SignInService signIn) : PageModel
{
    [BindProperty(Name = "user", SupportsGet = true)]
    public string? UserKey { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public FormErrors Errors { get; } = new();

    /// <summary>Why the link cannot be used, when it cannot.</summary>
    public string? LinkError { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        KeepTheCodeToThisPage();
        // With no password the grain refuses before it changes anything, yet tells whether the link still holds.
        await AcceptAsync(new PasswordChange(null, null, null), showFieldErrors: false);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        KeepTheCodeToThisPage();
        if (await AcceptAsync(new PasswordChange(null, NewPassword, ConfirmPassword), showFieldErrors: true) is not { } session)
        {
            return Page();
        }

        // Godkänn villkor comes next: the terms filter sends a user who has not accepted them there from "/".
        await HttpContext.SignInWithCookieAsync(session);
        return Redirect("/");
    }

    private async Task<UserSession?> AcceptAsync(PasswordChange change, bool showFieldErrors)
    {
        if (!Guid.TryParse(UserKey, out var userId) || string.IsNullOrEmpty(Token))
        {
            LinkError = "Länken är inte komplett. Kopiera hela länken från mejlet.";
            return null;
        }

        var accepted = await signIn.AcceptInvitationAsync(userId, Token, change);
        switch (accepted.Rejection)
        {
            case null:
                return accepted.Value;
            case { FieldErrors.Count: > 0 } rejection:
                if (showFieldErrors)
                {
                    foreach (var (field, messages) in rejection.FieldErrors)
                    {
                        Errors.Add(field, messages[0]);
                    }
                }

                return null;
            case var rejection:
                LinkError = rejection.Message;
                return null;
        }
    }

    /// <summary>The address carries the invitation's code: no other site may learn it from the Referer header, and no cache may keep it.</summary>
    private void KeepTheCodeToThisPage()
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers.CacheControl = "no-store";
    }
}
