using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Live;

namespace Kalmar.Tests.Fixtures;

/// <summary>
/// Subscribes to one recipient's live route as a web node does, and completes when a published event matches. It keeps
/// itself alive until disposed: the client holds an observer only weakly.
/// </summary>
public sealed class LiveEventProbe : ILiveObserver, IAsyncDisposable
{
    private readonly IClusterClient _client;
    private readonly string _address;
    private readonly Func<LiveEvent, bool> _match;
    private readonly TaskCompletionSource<LiveEvent> _matched = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ILiveObserver _reference = null!;

    private LiveEventProbe(IClusterClient client, string address, Func<LiveEvent, bool> match)
    {
        _client = client;
        _address = address;
        _match = match;
    }

    public static async Task<LiveEventProbe> SubscribeAsync(IClusterClient client, string address, Func<LiveEvent, bool> match)
    {
        var probe = new LiveEventProbe(client, address, match);
        probe._reference = client.CreateObjectReference<ILiveObserver>(probe);
        await client.GetGrain<ILiveRouteGrain>(address).SubscribeAsync(probe._reference);
        return probe;
    }

    public Task DeliverAsync(LiveEvent liveEvent) => OnLiveEventsAsync([liveEvent]);

    public Task OnLiveEventsAsync(IReadOnlyList<LiveEvent> liveEvents)
    {
        if (liveEvents.FirstOrDefault(_match) is { } matched)
        {
            _matched.TrySetResult(matched);
        }

        return Task.CompletedTask;
    }

    /// <summary>The first matching event, or a <see cref="TimeoutException"/> naming <paramref name="expected"/>.</summary>
    public Task<LiveEvent> WaitAsync(string expected) => _matched.Task.WithinPatienceAsync($"{expected} (published)");

    public async ValueTask DisposeAsync()
    {
        await _client.GetGrain<ILiveRouteGrain>(_address).UnsubscribeAsync(_reference);
        _client.DeleteObjectReference<ILiveObserver>(_reference);
    }
}
