using Kalmar.Contracts.Live;

namespace Kalmar.Contracts.Abstractions;

/// <summary>A web node, listening for hub events to deliver to its SignalR connections.</summary>
[Alias("Kalmar.ILiveObserver")]
public interface ILiveObserver : IGrainObserver
{
    [Alias("OnLiveEvent")]
    Task OnLiveEventAsync(LiveEvent liveEvent);
}
