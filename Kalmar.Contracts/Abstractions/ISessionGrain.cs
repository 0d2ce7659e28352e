using Kalmar.Contracts.Model;
using Orleans.Concurrency;

namespace Kalmar.Contracts.Abstractions;

/// <summary>
/// One server-side session (keyed by its id; opened by <see cref="IUserGrain.OpenSessionAsync"/>): whether a request
/// that names it may go on, the app's refresh-token rotation, and its end.
/// </summary>
[Alias("Kalmar.ISessionGrain")]
public interface ISessionGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Whether a request naming this session is answered: how long the session stays open if not used again (its
    /// idle or absolute limit, whichever comes first), or null when it is not open. It also counts as the session's
    /// use. A portal session idle or past its lifetime ends here; a cookie of an app session is held to the portal's
    /// limits without ending it.
    /// </summary>
    [Alias("Check"), AlwaysInterleave]
    Task<TimeSpan?> CheckAsync(bool viaCookie);

    /// <summary>
    /// Until when a request naming this session (by cookie when <paramref name="viaCookie"/>) would be answered if
    /// nothing used it meanwhile; null when it would be refused now. Not a use: the hub's requests and a web node's
    /// look at its quiet hub connections ask it, and a session found over ends here as in <see cref="CheckAsync"/>,
    /// so every node is told.
    /// </summary>
    [Alias("OpenUntil"), AlwaysInterleave]
    Task<DateTimeOffset?> OpenUntilAsync(bool viaCookie);

    /// <summary>
    /// Replaces the current refresh token (by hash) with the next one and answers the user's session as it is now;
    /// null when the session is over. A token that is not the current one was used before: the session ends.
    /// </summary>
    [Alias("RotateRefreshToken")]
    Task<UserSession?> RotateRefreshTokenAsync(string presentedHash, string nextHash);

    /// <summary>Ends the session if it is <paramref name="userId"/>'s and open; false otherwise (as if it did not exist).</summary>
    [Alias("End")]
    Task<bool> EndAsync(Guid userId, string reason);

    /// <summary>The user grain ended the session in the table; the next call reads it again.</summary>
    [Alias("Reload")]
    Task ReloadAsync();
}
