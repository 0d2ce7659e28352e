using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Live;

namespace Kalmar.Grains.Live;

public static class LiveGrainFactoryExtensions
{
    /// <summary>
    /// Sends a hub event to the web nodes of each of its recipients at once, as a client outside the silos does; grains
    /// publish through <see cref="LivePublisher"/>. Delivery is best effort, pages re-read state on reconnect. A node
    /// that holds two of the recipients gets the event twice and delivers it once (by its id).
    /// </summary>
    public static Task PublishLiveAsync(this IGrainFactory grainFactory, LiveEvent liveEvent) =>
        Task.WhenAll(liveEvent.UserIds.Concat(liveEvent.Groups).Select(address => grainFactory.GetGrain<ILiveRouteGrain>(address).PublishAsync([liveEvent])));

    /// <summary>
    /// Sends <paramref name="liveEvent"/> to every web node (<see cref="LiveAddress.WebNodes"/>), not only those that hold
    /// its recipients' connections; answered once each node has it.
    /// </summary>
    public static Task PublishToWebNodesAsync(this IGrainFactory grainFactory, LiveEvent liveEvent) =>
        grainFactory.GetGrain<ILiveRouteGrain>(LiveAddress.WebNodes).DeliverAsync(liveEvent);
}
