using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Live;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Kalmar.Grains.Live;

/// <summary>
/// Fans hub events out to every registered web node. Kept in memory only: web nodes renew their
/// registration well within <see cref="RegistrationLifetime"/>, so a new activation fills up again.
/// </summary>
public sealed class LiveRegistryGrain(ILogger<LiveRegistryGrain> logger) : Grain, ILiveRegistryGrain
{
    public static readonly TimeSpan RegistrationLifetime = TimeSpan.FromMinutes(2);

    private readonly ObserverManager<ILiveObserver> _observers = new(RegistrationLifetime, logger);

    public Task SubscribeAsync(ILiveObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(ILiveObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task PublishAsync(LiveEvent liveEvent) => _observers.Notify(observer => observer.OnLiveEventAsync(liveEvent));
}
