using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Kalmar.Web.Realtime;

/// <summary>
/// This node's open hub connections by user, each with the session it was opened in, so the server can close the
/// connections of the sessions that end.
/// </summary>
public sealed class UserConnections
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, (HubCallerContext Connection, Guid SessionId)>> _byUser = new();

    public void Add(string userId, Guid sessionId, HubCallerContext connection) =>
        _byUser.GetOrAdd(userId, _ => new())[connection.ConnectionId] = (connection, sessionId);

    public int Count(string userId) => _byUser.TryGetValue(userId, out var connections) ? connections.Count : 0;

    public void Remove(string userId, HubCallerContext connection)
    {
        if (_byUser.TryGetValue(userId, out var connections))
        {
            connections.TryRemove(connection.ConnectionId, out _);
        }
    }

    /// <summary>The connections on this node of <paramref name="sessionIds"/>, or of every session when it is null.</summary>
    public IReadOnlyList<HubCallerContext> Of(IEnumerable<string> userIds, IReadOnlyCollection<Guid>? sessionIds) =>
        [.. userIds.SelectMany(userId => _byUser.TryGetValue(userId, out var connections) ? connections.Values : [])
            .Where(open => sessionIds is null || sessionIds.Contains(open.SessionId))
            .Select(open => open.Connection)];
}
