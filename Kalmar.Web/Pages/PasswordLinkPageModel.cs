using Kalmar.Contracts.Model;
using Kalmar.Web.Pages.Biljetter;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace Kalmar.Web.Pages;

/// <summary>
/// A page an e-mail's single-use link opens to set a password (an invitation, a reset): the link's user and code, the
/// two password fields and why the link cannot be used, when it cannot. The page says which command uses the code
/// (<see cref="UseCodeAsync"/>) and what follows once the password is set (<see cref="PasswordSetAsync"/>).
/// </summary>
public abstract class PasswordLinkPageModel<TResult> : PageModel
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

    /// <summary>What to say when the address lacks the user or the code.</summary>
    protected abstract string IncompleteLinkError { get; }

    public async Task<IActionResult> OnGetAsync()
    {
        KeepTheCodeToThisPage();
        // Trying the code with no password changes nothing (the grain refuses before it changes
        // anything), yet tells at once whether the link is still good, before anyone types a password.
        await SetPasswordAsync(new PasswordChange(null, null, null), showFieldErrors: false);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        KeepTheCodeToThisPage();
        var outcome = await SetPasswordAsync(new PasswordChange(null, NewPassword, ConfirmPassword), showFieldErrors: true);
        return outcome is { Rejection: null, Value: { } result } ? await PasswordSetAsync(result) : Page();
    }

    /// <summary>The command that sets the password with the link's code.</summary>
    protected abstract Task<Outcome<TResult>> UseCodeAsync(Guid userId, string token, PasswordChange change);

    /// <summary>What the page does once the password is set.</summary>
    protected abstract Task<IActionResult> PasswordSetAsync(TResult result);

    private async Task<Outcome<TResult>?> SetPasswordAsync(PasswordChange change, bool showFieldErrors)
    {
        if (!Guid.TryParse(UserKey, out var userId) || string.IsNullOrEmpty(Token))
        {
            LinkError = IncompleteLinkError;
            return null;
        }

        var outcome = await UseCodeAsync(userId, Token, change);
        switch (outcome.Rejection)
        {
            case { FieldErrors.Count: > 0 } rejection when showFieldErrors:
                Errors.AddRejection(rejection);
                break;
            case { FieldErrors.Count: 0 } rejection:
                LinkError = rejection.Message;
                break;
        }

        return outcome;
    }

    /// <summary>The address carries the link's code: no other site may learn it from the Referer header, and no cache may keep it.</summary>
    private void KeepTheCodeToThisPage()
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers.CacheControl = "no-store";
    }
}
