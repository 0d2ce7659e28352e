using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Live;
using Kalmar.Contracts.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace Kalmar.Web.Auth;

/// <summary>
/// Issues the framework's bearer and refresh tokens (data-protected, shared by all web nodes) for a server-side
/// session, and rotates the refresh token at every use: the session keeps the hash of the current one only, so an
/// older one presented again is recognised as copied.
/// </summary>
public sealed class BearerTokens(IOptionsMonitor<BearerTokenOptions> options, TimeProvider time, IClusterClient cluster)
{
    private BearerTokenOptions Options => options.Get(BearerTokenDefaults.AuthenticationScheme);

    /// <summary>A refresh token of <paramref name="sessionId"/>, made before the session is opened or rotated to it.</summary>
    public RefreshToken NewRefreshToken(Guid userId, Guid sessionId, bool appScope)
    {
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, LiveAddress.User(userId)), new(SessionClaims.SessionId, sessionId.ToString("N"))];
        if (appScope)
        {
            claims.Add(new Claim(SessionClaims.AppScope, "true"));
        }

        var token = Protect(Options.RefreshTokenProtector, new ClaimsPrincipal(new ClaimsIdentity(claims, BearerTokenDefaults.AuthenticationScheme)),
            Options.RefreshTokenExpiration);
        return new RefreshToken(token, Hash(token));
    }

    /// <summary>
    /// The access token of an open session with its refresh token. With <paramref name="appScope"/> (after an SMS
    /// code, which proves the phone, not the user's password) it carries the traveller's role only, and admin routes
    /// refuse it, also after a refresh.
    /// </summary>
    public IssuedTokens Issue(UserSession session, RefreshToken refresh, bool appScope)
    {
        var principal = SessionClaims.ToPrincipal(
            appScope ? session with { Roles = [.. session.Roles.Where(role => role == Role.Traveller)], AdministeredDepartmentIds = [] } : session,
            BearerTokenDefaults.AuthenticationScheme);
        if (appScope)
        {
            ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionClaims.AppScope, "true"));
        }

        return new IssuedTokens(
            Protect(Options.BearerTokenProtector, principal, Options.BearerTokenExpiration), refresh.Token, (long)Options.BearerTokenExpiration.TotalSeconds);
    }

    /// <summary>
    /// A fresh pair for a refresh token that has not expired and is its open session's current one; otherwise null
    /// (and a token used before ends its session).
    /// </summary>
    public async Task<IssuedTokens?> RefreshAsync(string refreshToken)
    {
        var ticket = Options.RefreshTokenProtector.Unprotect(refreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || !Guid.TryParse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || ticket.Principal.GetSessionId() is var sessionId && sessionId == Guid.Empty)
        {
            return null;
        }

        var appScope = ticket.Principal.HasClaim(claim => claim.Type == SessionClaims.AppScope);
        var next = NewRefreshToken(userId, sessionId, appScope);
        return await cluster.GetGrain<ISessionGrain>(sessionId).RotateRefreshTokenAsync(Hash(refreshToken), next.Hash) is { } session
            ? Issue(session, next, appScope)
            : null;
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private string Protect(ISecureDataFormat<AuthenticationTicket> protector, ClaimsPrincipal principal, TimeSpan lifetime)
    {
        var now = time.GetUtcNow();
        return protector.Protect(new AuthenticationTicket(
            principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + lifetime }, BearerTokenDefaults.AuthenticationScheme));
    }
}
