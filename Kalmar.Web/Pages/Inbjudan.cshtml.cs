using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.SignIn;
using Kalmar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Kalmar.Web.Pages;

/// <summary>The page the invitation e-mail links to: the new user's first password, then signed in.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.SignIn)]
public sealed class InbjudanModel(SignInService signIn, SessionStarter sessions) : PasswordLinkPageModel<UserSession>
{
    protected override string IncompleteLinkError => "Länken är inte komplett. Kopiera hela länken från mejlet.";

    protected override Task<Outcome<UserSession>> UseCodeAsync(Guid userId, string token, PasswordChange change) =>
        signIn.AcceptInvitationAsync(userId, token, change);

    protected override async Task<IActionResult> PasswordSetAsync(UserSession session)
    {
        // Godkänn villkor comes next: the terms filter sends a user who has not accepted them there from "/".
        return await sessions.StartPortalAsync(HttpContext, session) ? Redirect("/") : Redirect("/logga-in");
    }
}
