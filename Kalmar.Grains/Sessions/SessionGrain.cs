using System.Security.Cryptography;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Live;
using Kalmar.Contracts.Model;
using Kalmar.Grains.Infrastructure;
using Kalmar.Grains.Live;
using Microsoft.Extensions.DependencyInjection;

namespace Kalmar.Grains.Sessions;

/// <summary>
/// A server-side session. Every request's check is answered from memory, and its use is written to the table at most
/// once a minute (the purchase path checks on every call); that write also learns of an end another grain wrote.
/// </summary>
public sealed class SessionGrain(SessionStore store, [FromKeyedServices(BusinessClock.Key)] TimeProvider time) : Grain, ISessionGrain
{
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    private StoredSession? _session;
    private DateTimeOffset _touched;

    private Guid Id => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => await ReloadAsync();

    public async Task<TimeSpan?> CheckAsync(bool viaCookie)
    {
        var now = time.GetUtcNow();
        if (await StillOpenAsync(now) is not { } session)
        {
            return null;
        }

        if (viaCookie && CookieRefused(session, now))
        {
            return null;
        }

        var used = session with { LastSeenAt = now };
        _session = used;
        if (now - _touched >= TouchInterval)
        {
            _touched = now;
            if (!await store.TouchAsync(Id, now))
            {
                _session = used with { EndedAt = now };
                return null;
            }
        }

        return OpenUntil(used, viaCookie, now) - now;
    }

    public async Task<DateTimeOffset?> OpenUntilAsync(bool viaCookie)
    {
        var now = time.GetUtcNow();
        return await StillOpenAsync(now) is { } session ? OpenUntil(session, viaCookie, now) : null;
    }

    /// <summary>The session while it is open at <paramref name="now"/>; one whose limit has passed ends here.</summary>
    private async Task<StoredSession?> StillOpenAsync(DateTimeOffset now)
    {
        if (_session is not { EndedAt: null } session)
        {
            return null;
        }

        if (EndedBy(session, now) is { } reason)
        {
            await EndAsync(session, reason);
            return null;
        }

        return session;
    }

    /// <summary>
    /// When the session ends if it is not used again: its idle or absolute limit, whichever comes first (the app's
    /// session outlives the portal's limits, its cookie does not); null when a cookie is refused already.
    /// </summary>
    private static DateTimeOffset? OpenUntil(StoredSession session, bool viaCookie, DateTimeOffset now)
    {
        var portalLimits = Min(session.LastSeenAt + SessionLifetimes.PortalIdle, session.CreatedAt + SessionLifetimes.PortalAbsolute);
        return viaCookie && CookieRefused(session, now) ? null
            : viaCookie || session.Kind == SessionKinds.Portal ? Min(session.ExpiresAt, portalLimits)
            : session.ExpiresAt;
    }

    public async Task<UserSession?> RotateRefreshTokenAsync(string presentedHash, string nextHash)
    {
        if (_session is not { EndedAt: null } session)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if ((EndedBy(session, now) ?? (IsCurrent(session.RefreshHash, presentedHash) ? null : SessionEndReasons.RefreshTokenReused)) is { } reason)
        {
            // A refresh token is used once: an older one in anybody's hands means it was copied, so the sign-in ends.
            await EndAsync(session, reason);
            return null;
        }

        var expiresAt = now + SessionLifetimes.App;
        if (await GrainFactory.GetGrain<IUserGrain>(session.UserId).GetSessionAsync() is not { } user
            || !await store.RotateAsync(Id, session.RefreshHash!, nextHash, now, expiresAt))
        {
            await ReloadAsync(); // deactivated, or ended by the user grain meanwhile
            return null;
        }

        (_session, _touched) = (session with { RefreshHash = nextHash, LastSeenAt = now, ExpiresAt = expiresAt }, now);
        return user with { SessionId = Id };
    }

    public async Task<bool> EndAsync(Guid userId, string reason)
    {
        if (_session is not { EndedAt: null } session || session.UserId != userId)
        {
            return false;
        }

        await EndAsync(session, reason);
        return true;
    }

    public async Task ReloadAsync()
    {
        _session = await store.LoadAsync(Id);
        _touched = _session?.LastSeenAt ?? default;
    }

    private async Task EndAsync(StoredSession session, string reason)
    {
        var now = time.GetUtcNow();
        _session = session with { EndedAt = now };
        try
        {
            await store.EndAsync(Id, now, reason);
        }
        catch
        {
            DeactivateOnIdle(); // not ended after all: the next call reads the row again
            throw;
        }

        await GrainFactory.PublishToWebNodesAsync(LiveEvent.ToUser(new SessionsEnded([Id], reason), session.UserId));
    }

    private static string? EndedBy(StoredSession session, DateTimeOffset now) =>
        now >= session.ExpiresAt ? SessionEndReasons.Expired
        : session.Kind == SessionKinds.Portal && now - session.LastSeenAt > SessionLifetimes.PortalIdle ? SessionEndReasons.Idle
        : null;

    /// <summary>The app's session outlives the portal's limits, its cookie (the API's sign-in gives one) does not.</summary>
    private static bool CookieRefused(StoredSession session, DateTimeOffset now) =>
        now - session.LastSeenAt > SessionLifetimes.PortalIdle || now - session.CreatedAt >= SessionLifetimes.PortalAbsolute;

    private static DateTimeOffset Min(DateTimeOffset first, DateTimeOffset second) => first < second ? first : second;

    private static bool IsCurrent(string? currentHash, string presentedHash) =>
        currentHash is not null && presentedHash.Length == currentHash.Length
        && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(currentHash), Convert.FromHexString(presentedHash));
}
