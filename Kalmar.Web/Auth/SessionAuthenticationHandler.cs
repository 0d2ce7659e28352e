using System.Text.Encodings.Web;
using Kalmar.Contracts.Abstractions;
using Kalmar.Web.Hubs;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Kalmar.Web.Auth;

/// <summary>
/// The portal's one scheme: reads the bearer token when the request carries one, else the cookie, and answers only
/// while the server-side session it names is open (its grain answers from memory). A refused session is
/// unauthenticated (401, or the login page), not forbidden, and a browser is told to forget its cookie.
/// </summary>
internal sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IClusterClient cluster) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
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
        if (sessionId != Guid.Empty && await IsOpenAsync(cluster.GetGrain<ISessionGrain>(sessionId), viaCookie))
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
    private async Task<bool> IsOpenAsync(ISessionGrain session, bool viaCookie) =>
        Request.Path.StartsWithSegments(LiveHub.Path) ? await session.OpenUntilAsync(viaCookie) is not null : await session.CheckAsync(viaCookie);
}
