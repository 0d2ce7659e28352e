using Kalmar.Contracts.Live;
using Orleans.Concurrency;

namespace Kalmar.Contracts.Abstractions;

/// <summary>A web node, listening for hub events to deliver to its SignalR connections.</summary>
[Alias("Kalmar.ILiveObserver")]
public interface ILiveObserver : IGrainObserver
{
    /// <summary>
    /// One-way: a route grain handles one call at a time, so waiting for a node that died (30 s until the call times out)
    /// held up every later event of that recipient on the nodes still alive; the chaos run measured it. A call's events
    /// are in the order they happened.
    /// </summary>
    [Alias("OnLiveEvents"), OneWay]
    Task OnLiveEventsAsync(IReadOnlyList<LiveEvent> liveEvents);

    /// <summary>
    /// The same, answered once the node has it: for the rare news whose sender must know every node has it (a session's
    /// end); the route bounds the wait (<c>ILiveRouteGrain.DeliverAsync</c>), so a dead node cannot hold it up.
    /// </summary>
    [Alias("Deliver")]
    Task DeliverAsync(LiveEvent liveEvent);
}
