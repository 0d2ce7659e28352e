using System.Collections.Concurrent;
using Kalmar.Contracts.Hosting;
using Kalmar.Web.Auth;
using Microsoft.AspNetCore.SignalR;
using Connections = System.Collections.Concurrent.ConcurrentDictionary<
    string, (Microsoft.AspNetCore.SignalR.HubCallerContext Connection, Kalmar.Web.Realtime.HubSession Session)>;

namespace Kalmar.Web.Realtime;

/// <summary>
/// This node's open hub connections by user, each with the session it was opened in, so the server can close the
/// connections of the sessions that end; the hub-connections metric counts what enters and leaves it.
/// </summary>
public sealed class UserConnections(KalmarMetrics metrics)
{
    private readonly ConcurrentDictionary<string, Connections> _byUser = new();

    public void Add(string userId, HubSession session, HubCallerContext connection)
    {
        if (_byUser.GetOrAdd(userId, _ => new()).TryAdd(connection.ConnectionId, (connection, session)))
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

    /// <summary>The sessions this node's connections were opened in (enumerated without locking, unlike <c>Values</c>).</summary>
    public IReadOnlySet<HubSession> Sessions() => _byUser.SelectMany(user => user.Value).Select(open => open.Value.Session).ToHashSet();

    /// <summary>The connections on this node of <paramref name="sessionIds"/>, or of every session when it is null.</summary>
    public IReadOnlyList<HubCallerContext> Of(IEnumerable<string> userIds, IReadOnlyCollection<Guid>? sessionIds) =>
        [.. UsersOf(userIds).SelectMany(connections => connections)
            .Where(open => InSessions(open.Value.Session, sessionIds)).Select(open => open.Value.Connection)];

    /// <summary>This node's connections that get the events of <paramref name="address"/>: its user's, or its admin group's.</summary>
    public IReadOnlyList<HubCallerContext> Receiving(string address) =>
        [.. _byUser.SelectMany(user => user.Value).Select(open => open.Value.Connection)
            .Where(connection => connection.User!.LiveAddresses().Contains(address))];

    /// <summary>
    /// Removes and answers the connections on this node of <paramref name="sessionIds"/> (of every session when it is
    /// null), to be closed: taken once, so two reports of one end close them once.
    /// </summary>
    public IReadOnlyList<HubCallerContext> Take(IEnumerable<string> userIds, IReadOnlyCollection<Guid>? sessionIds) =>
        Take(UsersOf(userIds), session => InSessions(session, sessionIds));

    /// <summary>Removes and answers this node's connections opened in <paramref name="session"/>, to be closed.</summary>
    public IReadOnlyList<HubCallerContext> Take(HubSession session) => Take(_byUser.Select(user => user.Value), open => open == session);

    private static bool InSessions(HubSession session, IReadOnlyCollection<Guid>? sessionIds) =>
        sessionIds is null || sessionIds.Contains(session.SessionId);

    private IEnumerable<Connections> UsersOf(IEnumerable<string> userIds) => userIds.Select(userId => _byUser.GetValueOrDefault(userId)).OfType<Connections>();

    private List<HubCallerContext> Take(IEnumerable<Connections> users, Func<HubSession, bool> closes)
    {
        var taken = new List<HubCallerContext>();
        foreach (var connections in users)
        {
            foreach (var (id, open) in connections)
            {
                if (closes(open.Session) && connections.TryRemove(id, out _))
                {
                    metrics.HubDisconnected();
                    taken.Add(open.Connection);
                }
            }
        }

        return taken;
    }
}
