using Kalmar.Contracts.Live;
using Orleans.Concurrency;

namespace Kalmar.Contracts.Abstractions;

/// <summary>
/// The web nodes that hold live connections of one recipient (keyed by a <see cref="LiveAddress"/>: a user, or an
/// admin group). Events go to that recipient's nodes only, and no one grain carries every event of the cluster.
/// A node subscribes when it gets the recipient's first connection and renews while it has any; registrations expire.
/// </summary>
[Alias("Kalmar.ILiveRouteGrain")]
public interface ILiveRouteGrain : IGrainWithStringKey
{
    /// <summary>
    /// Subscribes or renews <paramref name="node"/>; true when this route already knew it. False on a renewal means the
    /// route is a new activation (its silo died or stopped) or had let the node expire: events sent to the recipient
    /// before now may have missed the node, whose connections must then catch up.
    /// </summary>
    [Alias("Subscribe")]
    Task<bool> SubscribeAsync(ILiveObserver node);

    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(ILiveObserver node);

    /// <summary>
    /// One-way: delivery is best effort, and a publisher's own work must not fail for want of it. Several events (in the
    /// order they happened) go in one call when they leave a silo together.
    /// </summary>
    [Alias("PublishAll"), OneWay]
    Task PublishAsync(IReadOnlyList<LiveEvent> liveEvents);

    /// <summary>Answered once every node of the route has the event: for news whose sender must know it arrived.</summary>
    [Alias("Deliver")]
    Task DeliverAsync(LiveEvent liveEvent);
}
