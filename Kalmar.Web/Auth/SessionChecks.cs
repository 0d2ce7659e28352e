using System.Collections.Concurrent;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Live;
using Kalmar.Contracts.Model;
using Kalmar.Web.Realtime;

namespace Kalmar.Web.Auth;

/// <summary>
/// This node's memory of the sessions it found open, so that a session's grain is asked at most about once a second
/// per session rather than on every request (it was a second grain call on every API call, a purchase's included).
/// An answer is kept for <see cref="TrustFor"/>, never past the session's own idle or absolute limit; a session that
/// ends is forgotten at once, because its end reaches every node (<see cref="LiveAddress.WebNodes"/>) before the end
/// is answered. A node that missed that news (the route was a new activation that did not know it yet) is wrong for
/// at most <see cref="TrustFor"/>, and forgets every session once it finds out (<see cref="LiveCatchUp"/>). Time is the
/// business clock (<see cref="SessionClock"/>), so a test that moves it moves this too.
/// </summary>
public sealed class SessionChecks(IClusterClient cluster, [FromKeyedServices(SessionClock.Key)] TimeProvider clock)
{
    public static readonly TimeSpan TrustFor = SessionLifetimes.NodeMemory;

    /// <summary>How many answers are kept before the stale ones are swept out.</summary>
    private const int SweepAbove = 4096;

    private readonly ConcurrentDictionary<(Guid Session, bool ViaCookie), Remembered> _open = new();
    private long _ends;

    /// <summary>Whether the session <paramref name="sessionId"/> of <paramref name="userId"/> may be answered now.</summary>
    public async Task<bool> IsOpenAsync(Guid sessionId, Guid userId, bool viaCookie)
    {
        var key = (sessionId, viaCookie);
        var now = clock.GetUtcNow();
        if (_open.TryGetValue(key, out var remembered) && remembered.Until > now)
        {
            return true;
        }

        var endsBefore = Interlocked.Read(ref _ends);
        if (await cluster.GetGrain<ISessionGrain>(sessionId).CheckAsync(viaCookie) is not { } openFor)
        {
            _open.TryRemove(key, out _);
            return false;
        }

        Remember(key, new Remembered(LiveAddress.User(userId), now + (openFor < TrustFor ? openFor : TrustFor)), endsBefore);
        return true;
    }

    /// <summary>Whether the session is open, asked of its grain without counting as a use (the hub's own requests).</summary>
    public async Task<bool> IsOpenWithoutUseAsync(Guid sessionId, bool viaCookie) =>
        await cluster.GetGrain<ISessionGrain>(sessionId).OpenUntilAsync(viaCookie) is not null;

    /// <summary>Forgets <paramref name="sessionIds"/>, or every session of <paramref name="userAddresses"/> when null.</summary>
    public void Ended(IReadOnlyCollection<string> userAddresses, IReadOnlyCollection<Guid>? sessionIds)
    {
        Interlocked.Increment(ref _ends);
        foreach (var (key, remembered) in _open)
        {
            if (sessionIds?.Contains(key.Session) ?? userAddresses.Contains(remembered.UserAddress))
            {
                _open.TryRemove(key, out _);
            }
        }
    }

    /// <summary>Forgets every session, each asked of its grain again: this node may have missed the end of some.</summary>
    public void ForgetAll()
    {
        Interlocked.Increment(ref _ends);
        _open.Clear();
    }

    /// <summary>
    /// Keeps an answer unless a session ended while it was asked for: either the end's sweep finds the entry, or this
    /// sees the end's count move and takes the entry back.
    /// </summary>
    private void Remember((Guid, bool) key, Remembered remembered, long endsBefore)
    {
        _open[key] = remembered;
        if (Interlocked.Read(ref _ends) != endsBefore)
        {
            _open.TryRemove(key, out _);
        }

        if (_open.Count > SweepAbove)
        {
            var now = clock.GetUtcNow();
            foreach (var (stale, _) in _open.Where(entry => entry.Value.Until <= now))
            {
                _open.TryRemove(stale, out _);
            }
        }
    }

    private sealed record Remembered(string UserAddress, DateTimeOffset Until);
}
