using System.Security.Claims;
using System.Text.Encodings.Web;
using Kalmar.Contracts.Abstractions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Kalmar.Web.Auth;

/// <summary>
/// The portal's one scheme: reads the bearer token when the request carries one, else the cookie,
/// and refuses either when its user was deactivated or changed password since it was issued (the
/// user grain knows the current security stamp). A refused session is unauthenticated (401), not forbidden.
/// </summary>
internal sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IClusterClient cluster) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var result = await Context.AuthenticateAsync(AuthExtensions.SelectScheme(Context));
        if (!result.Succeeded)
        {
            return result;
        }

        var user = result.Principal;
        var stamp = user.FindFirstValue(SessionClaims.SecurityStamp);
        var valid = stamp is not null && await cluster.GetGrain<IUserGrain>(user.GetUserId()).IsSessionValidAsync(stamp);
        return valid ? AuthenticateResult.Success(new AuthenticationTicket(user, result.Properties, Scheme.Name)) : AuthenticateResult.Fail("The session has ended.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Context.ChallengeAsync(AuthExtensions.SelectScheme(Context), properties);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Context.ForbidAsync(AuthExtensions.SelectScheme(Context), properties);
}
