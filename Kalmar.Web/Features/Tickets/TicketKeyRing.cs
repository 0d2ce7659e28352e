using Microsoft.Extensions.Options;

namespace Kalmar.Web.Features.Tickets;

/// <summary>
/// The web node's copy of the ticket keys, read again every <see cref="TicketKeyOptions.RefreshInterval"/> and as soon as
/// the waiting key has taken over (so that the next one is created). A payload naming a key this node has not seen yet
/// (another node created it a moment ago) makes it read again, at most every few seconds, so garbage cannot flood the
/// database.
/// </summary>
public sealed class TicketKeyRing(TicketKeyStore store, [FromKeyedServices(TicketClock.Key)] TimeProvider clock, IOptions<TicketKeyOptions> options) : IDisposable
{
    private static readonly TimeSpan UnknownKeyRereadGap = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _reading = new(1, 1);
    private Loaded? _loaded;

    /// <summary>The key that signs now, with its private part.</summary>
    public async Task<TicketSigningKey> SigningKeyAsync()
    {
        var now = clock.GetUtcNow();
        return (await CurrentAsync(now)).Keys.First(key => key.ActivatedAt <= now && key.Private is not null);
    }

    /// <summary>Every key an inspection device may need now: the one that signs, the next one and those retired whose tickets may still be valid.</summary>
    public async Task<IReadOnlyList<TicketSigningKey>> PublishedAsync()
    {
        var now = clock.GetUtcNow();
        return [.. (await CurrentAsync(now)).Keys.Where(key => key.IsPublishedAt(now))];
    }

    /// <summary>The published key with this id, or null.</summary>
    public async Task<TicketSigningKey?> FindAsync(string kid)
    {
        var now = clock.GetUtcNow();
        var loaded = await CurrentAsync(now);
        if (Find(loaded, kid, now) is { } key)
        {
            return key;
        }

        return loaded.At + UnknownKeyRereadGap <= now ? Find(await ReadAsync(now, loaded), kid, now) : null;
    }

    public void Dispose() => _reading.Dispose();

    private static TicketSigningKey? Find(Loaded loaded, string kid, DateTimeOffset now) =>
        loaded.Keys.FirstOrDefault(key => key.Kid == kid && key.IsPublishedAt(now));

    private async Task<Loaded> CurrentAsync(DateTimeOffset now)
    {
        var loaded = _loaded;
        return loaded is not null && loaded.At + options.Value.RefreshInterval > now && loaded.Keys.Any(key => key.ActivatedAt > now)
            ? loaded
            : await ReadAsync(now, loaded);
    }

    /// <summary>Reads the keys unless another request did since <paramref name="seen"/> was current.</summary>
    private async Task<Loaded> ReadAsync(DateTimeOffset now, Loaded? seen)
    {
        await _reading.WaitAsync();
        try
        {
            if (_loaded != seen && _loaded is not null)
            {
                return _loaded;
            }

            return _loaded = new Loaded(await store.LoadAsync(now), now);
        }
        finally
        {
            _reading.Release();
        }
    }

    private sealed record Loaded(IReadOnlyList<TicketSigningKey> Keys, DateTimeOffset At);
}
