using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;

namespace Kalmar.Web.Auth;

/// <summary>
/// Opens the server-side session of a user who just proved who they are (a password, an invitation link, an SMS
/// code) and hands out what names it: the portal's cookie, the app's tokens, or both.
/// </summary>
public sealed class SessionStarter(IClusterClient cluster, BearerTokens tokens)
{
    /// <summary>The portal's sign-in pages: a portal session (30 idle minutes, 12 hours) in the cookie. False when none opened.</summary>
    public async Task<bool> StartPortalAsync(HttpContext http, UserSession signedIn)
    {
        if (await OpenAsync(http, signedIn, Guid.NewGuid(), SessionKinds.Portal, refreshHash: null) is not { } session)
        {
            return false;
        }

        await http.SignInWithCookieAsync(session);
        return true;
    }

    /// <summary>
    /// A sign-in through the API: an app session and its tokens. A password sign-in also gets the portal's cookie of
    /// the same session (api.md); an SMS code's app-scoped one does not. Null when no session opened.
    /// </summary>
    public async Task<IssuedTokens?> StartAppAsync(HttpContext http, UserSession signedIn, bool appScope)
    {
        var id = Guid.NewGuid();
        var refresh = tokens.NewRefreshToken(signedIn.UserId, id, appScope);
        if (await OpenAsync(http, signedIn, id, SessionKinds.App, refresh.Hash) is not { } session)
        {
            return null;
        }

        if (!appScope)
        {
            await http.SignInWithCookieAsync(session);
        }

        return tokens.Issue(session, refresh, appScope);
    }

    private Task<UserSession?> OpenAsync(HttpContext http, UserSession signedIn, Guid id, string kind, string? refreshHash) =>
        cluster.GetGrain<IUserGrain>(signedIn.UserId).OpenSessionAsync(new SessionStart(
            id, kind, http.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null, refreshHash, signedIn.SecurityStamp));
}
