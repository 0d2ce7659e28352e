using Kalmar.Contracts.Live;
using Orleans.Concurrency;

namespace Kalmar.Contracts.Abstractions;

/// <summary>A web node, listening for hub events to deliver to its SignalR connections.</summary>
[Alias("Kalmar.ILiveObserver")]
public interface ILiveObserver : IGrainObserver
{
    /// <summary>
    /// One-way: a route grain handles one call at a time, so waiting for a node that died (30 s until the call times out)
    /// held up every later event of that recipient on the nodes still alive; the chaos run measured it.
    /// </summary>
    [Alias("OnLiveEvent"), OneWay]
    Task OnLiveEventAsync(LiveEvent liveEvent);
}
