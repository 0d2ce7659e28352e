using System.Collections.Concurrent;
using Kalmar.Contracts.Hosting;
using Microsoft.AspNetCore.SignalR;

namespace Kalmar.Web.Realtime;

/// <summary>
/// This node's open hub connections by user, each with the session it was opened in, so the server can close the
/// connections of the sessions that end; the hub-connections metric counts what enters and leaves it.
/// </summary>
public sealed class UserConnections(KalmarMetrics metrics)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, (HubCallerContext Connection, Guid SessionId)>> _byUser = new();

    public void Add(string userId, Guid sessionId, HubCallerContext connection)
    {
        if (_byUser.GetOrAdd(userId, _ => new()).TryAdd(connection.ConnectionId, (connection, sessionId)))
        {
            metrics.HubConnected();
        }
    }

    public int Count(string userId) => _byUser.TryGetValue(userId, out var connections) ? connections.Count : 0;

    public void Remove(string userId, HubCallerContext connection)
    {
        if (_byUser.TryGetValue(userId, out var connections) && connections.TryRemove(connection.ConnectionId, out _))
        {
            metrics.HubDisconnected();
        }
    }

    /// <summary>
    /// The connections on this node of <paramref name="sessionIds"/>, or of every session when it is null. Aborting
    /// one ends it through the hub's disconnect, which removes (and counts) it.
    /// </summary>
    public IReadOnlyList<HubCallerContext> Of(IEnumerable<string> userIds, IReadOnlyCollection<Guid>? sessionIds) =>
        [.. userIds.SelectMany(userId => _byUser.TryGetValue(userId, out var connections) ? connections.Values : [])
            .Where(open => sessionIds is null || sessionIds.Contains(open.SessionId))
            .Select(open => open.Connection)];
}
