using System.Collections.Concurrent;

namespace Kalmar.Web.Realtime;

/// <summary>The ids of the latest live events this node delivered, so an event that arrives through two routes is sent once.</summary>
public sealed class RecentEventIds(int capacity)
{
    private readonly ConcurrentDictionary<Guid, byte> _seen = new();
    private readonly ConcurrentQueue<Guid> _order = new();

    /// <summary>True the first time an id is offered.</summary>
    public bool TryAdd(Guid id)
    {
        if (!_seen.TryAdd(id, 0))
        {
            return false;
        }

        _order.Enqueue(id);
        while (_order.Count > capacity && _order.TryDequeue(out var oldest))
        {
            _seen.TryRemove(oldest, out _);
        }

        return true;
    }
}
