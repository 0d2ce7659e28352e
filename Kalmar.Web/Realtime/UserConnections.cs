using System.Collections.Concurrent;
using Kalmar.Contracts.Hosting;
using Microsoft.AspNetCore.SignalR;

namespace Kalmar.Web.Realtime;

/// <summary>
/// This node's open hub connections by user, so the server can close a user's connections when their sessions end; the
/// hub-connections metric counts what enters and leaves it.
/// </summary>
public sealed class UserConnections(KalmarMetrics metrics)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubCallerContext>> _byUser = new();

    public void Add(string userId, HubCallerContext connection)
    {
        if (_byUser.GetOrAdd(userId, _ => new()).TryAdd(connection.ConnectionId, connection))
        {
            metrics.HubConnected();
        }
    }

    public int Count(string userId) => _byUser.TryGetValue(userId, out var connections) ? connections.Count : 0;

    public void Remove(string userId, HubCallerContext connection)
    {
        if (_byUser.TryGetValue(userId, out var connections))
        {
            if (connections.TryRemove(connection.ConnectionId, out _))
            {
                metrics.HubDisconnected();
            }
        }
    }

    /// <summary>Closes every connection of the user on this node; each client sees its connection end.</summary>
    public void CloseAll(IEnumerable<string> userIds)
    {
        foreach (var userId in userIds)
        {
            if (_byUser.TryRemove(userId, out var connections))
            {
                foreach (var connection in connections.Values)
                {
                    metrics.HubDisconnected(); // gone from here, so its own disconnect finds nothing to count
                    connection.Abort();
                }
            }
        }
    }
}
