using Kalmar.Web.Features.Terms;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc;

namespace Kalmar.Web.Auth;

/// <summary>
/// Sends a signed-in user who has not accepted the terms in force to Godkänn villkor before any
/// other page, so acceptance is recorded at the first sign-in and again whenever the version rises.
/// </summary>
public sealed class TermsAcceptanceFilter(TermsService terms) : IAsyncPageFilter
{
    public const string PagePath = "/godkann-villkor";

    /// <summary>The pages one must reach to sign in or out, read the terms, accept them, or see an error.</summary>
    private static readonly HashSet<string> Exempt = new(StringComparer.Ordinal)
    {
        "/Login", "/Logout", "/Fel", "/GlomtLosenord", "/AterstallLosenord", "/Inbjudan", "/BekraftaEPost", "/GodkannVillkor", "/Integritetspolicy", "/AllmannaVillkor",
    };

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated == true
            && !Exempt.Contains(context.ActionDescriptor.ViewEnginePath)
            && !await terms.HasAcceptedCurrentAsync(user.GetUserId()))
        {
            var request = context.HttpContext.Request;
            var returnUrl = $"{request.PathBase}{request.Path}{request.QueryString}";
            context.Result = new RedirectResult($"{PagePath}?returnUrl={Uri.EscapeDataString(returnUrl)}");
            return;
        }

        await next();
    }
}
