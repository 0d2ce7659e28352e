using Kalmar.Contracts.Model;
using Kalmar.Web.Features.SignIn;
using Kalmar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Kalmar.Web.Pages;

/// <summary>The page the reset e-mail links to: a new password, set with the link's single-use code.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.SignIn)]
public sealed class AterstallLosenordModel(SignInService signIn) : PasswordLinkPageModel<UserProfile>
{
    public bool Done { get; private set; }

    protected override string IncompleteLinkError => "Länken är inte komplett. Kopiera hela länken från mejlet, eller begär en ny.";

    protected override Task<Outcome<UserProfile>> UseCodeAsync(Guid userId, string token, PasswordChange change) =>
        signIn.ResetPasswordAsync(userId, token, change);

    protected override Task<IActionResult> PasswordSetAsync(UserProfile profile)
    {
        Done = true;
        return Task.FromResult<IActionResult>(Page());
    }
}
