using Kalmar.Grains.Contracts;

namespace Kalmar.Grains.Abstractions;

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

    [Alias("Publish")]
    Task PublishAsync(LiveEvent liveEvent);
}
