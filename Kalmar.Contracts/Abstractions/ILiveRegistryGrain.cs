using Kalmar.Contracts.Live;
using Orleans.Concurrency;

namespace Kalmar.Contracts.Abstractions;

/// <summary>
/// The one place web nodes register to receive hub events (key 0). Registrations expire, so a node
/// renews its own on a heartbeat; a node that died simply stops being called.
/// </summary>
[Alias("Kalmar.ILiveRegistryGrain")]
public interface ILiveRegistryGrain : IGrainWithIntegerKey
{
    [Alias("Subscribe")]
    Task SubscribeAsync(ILiveObserver observer);

    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(ILiveObserver observer);

    /// <summary>One-way: delivery is best effort, and a publisher's own work must not fail for want of it.</summary>
    [Alias("Publish"), OneWay]
    Task PublishAsync(LiveEvent liveEvent);
}
