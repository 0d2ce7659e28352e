using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Terms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kalmar.Web.Pages;

/// <summary>Integritetspolicy and Allmänna villkor accepted at the first sign-in (and again for a new version).</summary>
public sealed class GodkannVillkorModel(TermsService terms) : PageModel
{
    public const string MustAccept = "Kryssa i rutan för att godkänna Integritetspolicy och Allmänna villkor.";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public bool Godkanner { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await terms.HasAcceptedCurrentAsync(User.GetUserId())
            ? LocalRedirect(Next)
            : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Godkanner)
        {
            Error = MustAccept;
            return Page();
        }

        await terms.AcceptAsync(User.GetUserId(), TermsAcceptance.CurrentVersion);
        return LocalRedirect(Next);
    }

    private string Next => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
