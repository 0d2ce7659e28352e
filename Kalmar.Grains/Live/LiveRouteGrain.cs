using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Live;
using Kalmar.Contracts.Model;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Kalmar.Grains.Live;

/// <summary>
/// Forwards a recipient's events to the web nodes that hold its connections, one way (a dead node holds up no one). Kept
/// in memory only: nodes renew well within <see cref="RegistrationLifetime"/>, so a new activation fills up again (and
/// tells each node it did not know it, since events sent before reached nobody there); a node that died stops being
/// called when its registration expires.
/// </summary>
public sealed class LiveRouteGrain(ILogger<LiveRouteGrain> logger) : Grain, ILiveRouteGrain
{
    public static readonly TimeSpan RegistrationLifetime = TimeSpan.FromMinutes(10);

    private readonly ObserverManager<ILiveObserver> _nodes = new(RegistrationLifetime, logger);

    public Task<bool> SubscribeAsync(ILiveObserver node)
    {
        _nodes.ClearExpired(); // an expired node was no longer sent events: it did not know of them
        var knew = _nodes.Contains(node);
        _nodes.Subscribe(node, node);
        return Task.FromResult(knew);
    }

    public Task UnsubscribeAsync(ILiveObserver node)
    {
        _nodes.Unsubscribe(node);
        return Task.CompletedTask;
    }

    public Task PublishAsync(IReadOnlyList<LiveEvent> liveEvents) => _nodes.Notify(node => node.OnLiveEventsAsync(liveEvents));

    /// <summary>
    /// To every node at once, waiting no longer than <see cref="SessionLifetimes.NodeMemory"/>: a node that died without
    /// unsubscribing must not hold up the sender, and one that takes longer has forgotten its sessions by then anyway.
    /// </summary>
    public async Task DeliverAsync(LiveEvent liveEvent)
    {
        _nodes.ClearExpired();
        var delivered = Task.WhenAll(_nodes.Observers.Values.Select(node => node.DeliverAsync(liveEvent)));
        await Task.WhenAny(delivered, Task.Delay(SessionLifetimes.NodeMemory));
        delivered.Ignore();
    }
}
