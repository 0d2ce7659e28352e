using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Live;

namespace Kalmar.Grains.Live;

/// <summary>
/// The silo's way out for live events: what its grains publish while a send is waiting for a thread goes out together,
/// one one-way call per recipient's route. A purchase's credit and ticket reach the traveller's route in one call, and
/// the invoice lines of concurrent purchases reach an admin group's route together, instead of a call per event to
/// routes that every purchase of the company passes. Events of one address keep their order. Nothing waits for
/// delivery: it is best effort, and pages re-read on reconnect.
/// </summary>
public sealed class LivePublisher(IGrainFactory grainFactory)
{
    private readonly Lock _lock = new();
    private Dictionary<string, List<LiveEvent>> _pending = new(StringComparer.Ordinal);
    private bool _sendQueued;

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

            if (_sendQueued)
            {
                return;
            }

            _sendQueued = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(static publisher => publisher.SendPending(), this, preferLocal: false);
    }

    private void SendPending()
    {
        Dictionary<string, List<LiveEvent>> pending;
        lock (_lock)
        {
            (pending, _pending, _sendQueued) = (_pending, new(StringComparer.Ordinal), false);
        }

        foreach (var (address, events) in pending)
        {
            grainFactory.GetGrain<ILiveRouteGrain>(address).PublishAsync(events).Ignore();
        }
    }
}
