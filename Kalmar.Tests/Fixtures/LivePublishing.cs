using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Live;

namespace Kalmar.Tests.Fixtures;

public static class LivePublishing
{
    /// <summary>
    /// Sends a hub event straight to the routes of its recipients, as a grain's <c>LivePublisher</c> would, for tests that
    /// drive the web node's delivery without a grain behind the event.
    /// </summary>
    public static Task PublishLiveAsync(this IGrainFactory grainFactory, LiveEvent liveEvent) =>
        Task.WhenAll(liveEvent.UserIds.Concat(liveEvent.Groups)
            .Select(address => grainFactory.GetGrain<ILiveRouteGrain>(address).PublishAsync([liveEvent])));
}
