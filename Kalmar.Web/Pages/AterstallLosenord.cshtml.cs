using Kalmar.Contracts.Model;
using Kalmar.Web.Features.SignIn;
using Kalmar.Web.Pages.Biljetter;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kalmar.Web.Pages;

/// <summary>The page the reset e-mail links to: a new password, set with the link's single-use code.</summary>
[AllowAnonymous]
public sealed class AterstallLosenordModel(SignInService signIn) : PageModel
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

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        KeepTheCodeToThisPage();
        // Trying the code with no password changes nothing (the grain refuses before it changes
        // anything), yet tells at once whether the link is still good, before anyone types a password.
        await ResetAsync(new PasswordChange(null, null, null), showFieldErrors: false);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        KeepTheCodeToThisPage();
        Done = await ResetAsync(new PasswordChange(null, NewPassword, ConfirmPassword), showFieldErrors: true);
        return Page();
    }

    private async Task<bool> ResetAsync(PasswordChange change, bool showFieldErrors)
    {
        if (!Guid.TryParse(UserKey, out var userId) || string.IsNullOrEmpty(Token))
        {
            LinkError = "Länken är inte komplett. Kopiera hela länken från mejlet, eller begär en ny.";
            return false;
        }

        var reset = await signIn.ResetPasswordAsync(userId, Token, change);
        switch (reset.Rejection)
        {
            case null:
                return true;
            case { Code: SignInService.InvalidResetLinkCode } rejection:
                LinkError = rejection.Message;
                return false;
            case { FieldErrors.Count: > 0 } rejection when showFieldErrors:
                foreach (var (field, messages) in rejection.FieldErrors)
                {
                    Errors.Add(field, messages[0]);
                }

                return false;
            case { FieldErrors.Count: 0 } rejection:
                LinkError = rejection.Message;
                return false;
            default:
                return false;
        }
    }

    /// <summary>The address carries the reset code: no other site may learn it from the Referer header, and no cache may keep it.</summary>
    private void KeepTheCodeToThisPage()
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers.CacheControl = "no-store";
    }
}
