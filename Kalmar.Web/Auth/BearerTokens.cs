using System.Security.Claims;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace Kalmar.Web.Auth;

/// <summary>
/// Issues and renews the framework's bearer and refresh tokens (data-protected, shared by all web
/// nodes) for API clients and the hub, the way ASP.NET Core Identity's <c>/refresh</c> endpoint does.
/// </summary>
public sealed class BearerTokens(IOptionsMonitor<BearerTokenOptions> options, TimeProvider time, IClusterClient cluster)
{
    public IssuedTokens Issue(UserSession session) => Issue(SessionClaims.ToPrincipal(session, BearerTokenDefaults.AuthenticationScheme));

    /// <summary>
    /// Tokens for the app after an SMS activation: a one-time code proves the phone, not the user's password, so the
    /// tokens carry the traveller's role only and admin routes refuse them, also after a refresh.
    /// </summary>
    public IssuedTokens IssueForApp(UserSession session)
    {
        var principal = SessionClaims.ToPrincipal(
            session with { Roles = [.. session.Roles.Where(role => role == Role.Traveller)], AdministeredDepartmentIds = [] },
            BearerTokenDefaults.AuthenticationScheme);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionClaims.AppScope, "true"));
        return Issue(principal);
    }

    private IssuedTokens Issue(ClaimsPrincipal principal)
    {
        var tokenOptions = options.Get(BearerTokenDefaults.AuthenticationScheme);
        var now = time.GetUtcNow();
        return new IssuedTokens(
            Protect(tokenOptions.BearerTokenProtector, principal, now, tokenOptions.BearerTokenExpiration),
            Protect(tokenOptions.RefreshTokenProtector, principal, now, tokenOptions.RefreshTokenExpiration),
            (long)tokenOptions.BearerTokenExpiration.TotalSeconds);
    }

    /// <summary>
    /// A fresh pair for a refresh token that has not expired and whose session has not ended (the
    /// user is still active and has the stamp the token was issued with); otherwise null.
    /// </summary>
    public async Task<IssuedTokens?> RefreshAsync(string refreshToken)
    {
        var ticket = options.Get(BearerTokenDefaults.AuthenticationScheme).RefreshTokenProtector.Unprotect(refreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || ticket.Principal.FindFirstValue(SessionClaims.SecurityStamp) is not { } stamp
            || !Guid.TryParse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return null;
        }

        var session = await cluster.GetGrain<IUserGrain>(userId).GetSessionAsync();
        return session?.SecurityStamp != stamp ? null
            : ticket.Principal.HasClaim(claim => claim.Type == SessionClaims.AppScope) ? IssueForApp(session) : Issue(session);
    }

    private static string Protect(ISecureDataFormat<AuthenticationTicket> protector, ClaimsPrincipal principal, DateTimeOffset now, TimeSpan lifetime) =>
        protector.Protect(new AuthenticationTicket(
            principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + lifetime }, BearerTokenDefaults.AuthenticationScheme));
}
