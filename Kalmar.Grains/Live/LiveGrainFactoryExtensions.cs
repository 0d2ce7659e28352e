using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Live;

namespace Kalmar.Grains.Live;

public static class LiveGrainFactoryExtensions
{
    /// <summary>
    /// Sends <paramref name="liveEvent"/> to every web node (<see cref="LiveAddress.WebNodes"/>), not only those that hold
    /// its recipients' connections; answered once each node has it.
    /// </summary>
    public static Task PublishToWebNodesAsync(this IGrainFactory grainFactory, LiveEvent liveEvent) =>
        grainFactory.GetGrain<ILiveRouteGrain>(LiveAddress.WebNodes).DeliverAsync(liveEvent);
}
