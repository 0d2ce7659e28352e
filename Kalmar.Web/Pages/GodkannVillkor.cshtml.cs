using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kalmar.Web.Pages;

/// <summary>Integritetspolicy and Allmänna villkor accepted at the first sign-in (and again for a new version).</summary>
public sealed class GodkannVillkorModel(IClusterClient cluster) : PageModel
{
    public const string MustAccept = "Kryssa i rutan för att godkänna Integritetspolicy och Allmänna villkor.";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public bool Godkanner { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        (await cluster.GetGrain<IUserGrain>(User.GetUserId()).GetTermsAsync())?.Version == TermsAcceptance.CurrentVersion
            ? LocalRedirect(Next)
            : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Godkanner)
        {
            Error = MustAccept;
            return Page();
        }

        await cluster.GetGrain<IUserGrain>(User.GetUserId()).AcceptTermsAsync(TermsAcceptance.CurrentVersion);
        return LocalRedirect(Next);
    }

    private string Next => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
