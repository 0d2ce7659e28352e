using Kalmar.Web.Features.SignIn;
using Kalmar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Kalmar.Web.Pages;

/// <summary>Asks for a reset link; the answer is the same whether or not the address belongs to anyone.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.PasswordReset)]
public sealed class GlomtLosenordModel(SignInService signIn) : PageModel
{
    public const string Sent =
        "Om adressen finns hos oss har vi skickat en länk till den för att återställa lösenordet. Länken gäller i en timme och kan användas en gång.";

    [BindProperty]
    public string? Email { get; set; }

    public string? Error { get; private set; }

    public bool Answered { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            Error = "Ange din e-postadress.";
            return Page();
        }

        await signIn.SendPasswordResetAsync(Email);
        Answered = true;
        return Page();
    }
}
