using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Live;

namespace Kalmar.Grains.Live;

/// <summary>
/// The silo's way out for live events: what its grains publish while the previous events are being sent goes out
/// together, one one-way call per recipient's route. A purchase's credit and ticket reach the traveller's route in one
/// call, and the invoice lines of concurrent purchases reach an admin group's route together, instead of a call per event
/// to routes that every purchase of the company passes. The events of a call are in the order they were published, and
/// calls leave in that order too (Orleans does not promise they arrive so). Nothing waits for delivery: it is best
/// effort, and pages re-read on reconnect.
/// </summary>
public sealed class LivePublisher(IGrainFactory grainFactory)
{
    private readonly Lock _lock = new();
    private Dictionary<string, List<LiveEvent>> _pending = new(StringComparer.Ordinal);
    private bool _sending;

    public void Publish(LiveEvent liveEvent)
    {
        lock (_lock)
        {
            foreach (var address in liveEvent.UserIds.Concat(liveEvent.Groups))
            {
                if (!_pending.TryGetValue(address, out var events))
                {
                    _pending[address] = events = [];
                }

                events.Add(liveEvent);
            }

            if (_sending)
            {
                return;
            }

            _sending = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(static publisher => publisher.SendPending(), this, preferLocal: false);
    }

    /// <summary>One sender at a time, so that an address's calls leave in the order of its events.</summary>
    private void SendPending()
    {
        while (true)
        {
            Dictionary<string, List<LiveEvent>> pending;
            lock (_lock)
            {
                if (_pending.Count == 0)
                {
                    _sending = false;
                    return;
                }

                (pending, _pending) = (_pending, new(StringComparer.Ordinal));
            }

            foreach (var (address, events) in pending)
            {
                grainFactory.GetGrain<ILiveRouteGrain>(address).PublishAsync(events).Ignore();
            }
        }
    }
}
