using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Live;

namespace Kalmar.Grains.Live;

public static class LiveGrainFactoryExtensions
{
    /// <summary>Sends a hub event to the web nodes; delivery is best effort, pages re-read state on reconnect.</summary>
    public static Task PublishLiveAsync(this IGrainFactory grainFactory, LiveEvent liveEvent) =>
        grainFactory.GetGrain<ILiveRegistryGrain>(0).PublishAsync(liveEvent);
}
