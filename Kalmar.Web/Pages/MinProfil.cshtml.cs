using System.Globalization;
using System.Security.Claims;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Profile;
using Kalmar.Web.Features.Sessions;
using Kalmar.Web.Pages.Biljetter;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace Kalmar.Web.Pages;

/// <summary>Min profil: personal data and notifications in one form, the password in another, and the signed-in devices.</summary>
public sealed class MinProfilModel(ProfileService profile, SessionsService sessions) : PageModel
{
    public const string ProfileSaved = "Dina uppgifter är sparade.";
    public const string PasswordChanged = "Lösenordet är bytt. Du är utloggad på dina andra enheter.";
    public const string DeviceSignedOut = "Enheten är utloggad.";

    [BindProperty]
    public string? FirstName { get; set; }

    [BindProperty]
    public string? LastName { get; set; }

    [BindProperty]
    public string? Personnummer { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    /// <summary>The current password, which a new e-mail address takes.</summary>
    [BindProperty]
    public string? EmailPassword { get; set; }

    [BindProperty]
    public string? Mobile { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public bool NotifyEmail { get; set; }

    [BindProperty]
    public bool NotifySms { get; set; }

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    /// <summary>Said once, on the page shown after a save (post, redirect, get).</summary>
    [TempData]
    public string? ProfileMessage { get; set; }

    [TempData]
    public string? PasswordMessage { get; set; }

    [TempData]
    public string? DevicesMessage { get; set; }

    /// <summary>Mina enheter: where the user is signed in now, this device first marked.</summary>
    public IReadOnlyList<DeviceSession> Devices { get; private set; } = [];

    public MeResponse Me { get; private set; } = null!;

    public FormErrors ProfileErrors { get; } = new();

    public FormErrors PasswordErrors { get; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return Forbid();
        }

        ShowSaved();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Forbid();
        }

        var saved = await profile.UpdateAsync(Me.Id, new ProfileUpdate(
            FirstName, LastName, Personnummer, Email, Mobile, Phone, new NotificationChoice(NotifyEmail, NotifySms), EmailPassword));
        if (saved.Rejection is { } rejection)
        {
            // The typed values stay in the form, to be corrected; nothing was saved.
            if (ProfileErrors.AddRejection(rejection, field => field == "currentPassword" ? "emailPassword" : field) is { } message)
            {
                ProfileErrors.Add("", message);
            }

            return Page();
        }

        if (saved.Value!.FullName != User.Identity?.Name || saved.Value.Email != User.FindFirstValue(ClaimTypes.Email))
        {
            await RefreshCookieAsync(saved.Value);
        }

        ProfileMessage = saved.Value.PendingEmail is { } pending && pending != Me.PendingEmail
            ? $"{ProfileSaved} Vi har skickat en länk till {pending}. E-postadressen byts när du har öppnat den."
            : ProfileSaved;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        if (!await LoadAsync())
        {
            return Forbid();
        }

        ShowSaved();
        var changed = await profile.ChangePasswordAsync(Me.Id, User.GetSessionId(), new PasswordChange(CurrentPassword, NewPassword, ConfirmPassword));
        if (changed.Rejection is { } rejection)
        {
            PasswordErrors.AddAll(rejection);
            return Page();
        }

        PasswordMessage = PasswordChanged;
        return RedirectToPage(null, null, "losenord");
    }

    /// <summary>"Logga ut" on a device: another one is signed out at once; this one is logged out.</summary>
    public async Task<IActionResult> OnPostEndSessionAsync(Guid sessionId)
    {
        var current = sessionId == User.GetSessionId();
        await sessions.EndAsync(User.GetUserId(), sessionId, current ? SessionEndReasons.Logout : SessionEndReasons.SignedOutElsewhere);
        if (current)
        {
            await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Redirect("/logga-in");
        }

        DevicesMessage = DeviceSignedOut;
        return RedirectToPage(null, null, "enheter");
    }

    private async Task<bool> LoadAsync()
    {
        if (await profile.GetAsync(User.GetUserId()) is not { } me)
        {
            return false;
        }

        Me = me;
        Devices = await sessions.ListAsync(me.Id, User.GetSessionId());
        return true;
    }

    /// <summary>The form as saved: Personnummer in full (the owner may see it) and the mobile number as people write it.</summary>
    private void ShowSaved()
    {
        FirstName = Me.FirstName;
        LastName = Me.LastName;
        Personnummer = Me.Personnummer;
        Email = Me.Email;
        Mobile = SwedishMobile.TryParse(Me.Mobile, out var mobile, out _) ? mobile.Display : Me.Mobile;
        Phone = Me.Phone;
        NotifyEmail = Me.Notify.Email;
        NotifySms = Me.Notify.Sms;
    }

    /// <summary>The header shows the name from the cookie, so a new name or address goes into it at once.</summary>
    private Task RefreshCookieAsync(UserProfile saved) => HttpContext.SignInWithCookieAsync(new UserSession(
        saved.Id, saved.FullName, saved.Email, saved.CompanyId, saved.Roles, saved.AdministeredDepartmentIds,
        SecurityStamp: "", User.GetSessionId())); // the cookie carries the session, not the stamp

    /// <summary>A moment as Mina enheter shows it: "2 dec. 09:41", Stockholm time.</summary>
    public static string When(DateTimeOffset at) => Stockholm.ToLocal(at).ToString("d MMM HH:mm", Swedish);

    public static string KindName(string kind) => kind == SessionKinds.App ? "Appen" : "Webbläsare";

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
}
