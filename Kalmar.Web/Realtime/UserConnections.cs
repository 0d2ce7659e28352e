using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Kalmar.Web.Realtime;

/// <summary>This node's open hub connections by user, so the server can close a user's connections when their sessions end.</summary>
public sealed class UserConnections
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubCallerContext>> _byUser = new();

    public void Add(string userId, HubCallerContext connection) =>
        _byUser.GetOrAdd(userId, _ => new())[connection.ConnectionId] = connection;

    public int Count(string userId) => _byUser.TryGetValue(userId, out var connections) ? connections.Count : 0;

    public void Remove(string userId, HubCallerContext connection)
    {
        if (_byUser.TryGetValue(userId, out var connections))
        {
            connections.TryRemove(connection.ConnectionId, out _);
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
                    connection.Abort();
                }
            }
        }
    }
}
