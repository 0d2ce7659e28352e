using System.Text.Encodings.Web;
using Kalmar.Web.Hubs;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Kalmar.Web.Auth;

/// <summary>
/// The portal's one scheme: reads the bearer token when the request carries one, else the cookie, and answers only
/// while the server-side session it names is open (<see cref="SessionChecks"/>: this node's memory, or the session's grain). A refused session is
/// unauthenticated (401, or the login page), not forbidden, and a browser is told to forget its cookie.
/// </summary>
internal sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SessionChecks sessions) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var scheme = AuthExtensions.SelectScheme(Context);
        var result = await Context.AuthenticateAsync(scheme);
        if (!result.Succeeded)
        {
            return result;
        }

        var viaCookie = scheme == CookieAuthenticationDefaults.AuthenticationScheme;
        var sessionId = result.Principal.GetSessionId();
        if (sessionId != Guid.Empty && await IsOpenAsync(sessionId, result.Principal.GetUserId(), viaCookie))
        {
            return AuthenticateResult.Success(new AuthenticationTicket(result.Principal, result.Properties, Scheme.Name));
        }

        if (viaCookie && !Response.HasStarted)
        {
            await Context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }

        return AuthenticateResult.Fail("The session has ended.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Context.ChallengeAsync(AuthExtensions.SelectScheme(Context), properties);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Context.ForbidAsync(AuthExtensions.SelectScheme(Context), properties);

    /// <summary>
    /// The hub's own requests (long polling's polls) are no use of the session: an open page that only listens must
    /// not keep it from going idle, whichever transport it has.
    /// </summary>
    private Task<bool> IsOpenAsync(Guid sessionId, Guid userId, bool viaCookie) =>
        Request.Path.StartsWithSegments(LiveHub.Path)
            ? sessions.IsOpenWithoutUseAsync(sessionId, viaCookie)
            : sessions.IsOpenAsync(sessionId, userId, viaCookie);
}
