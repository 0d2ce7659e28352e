using Kalmar.Contracts.Abstractions;

namespace Kalmar.Web.Features.Sessions;

/// <summary>Mina enheter: the user's open sessions, and signing one out (this device's too: that is logging out).</summary>
public sealed class SessionsService(IClusterClient cluster)
{
    public async Task<IReadOnlyList<DeviceSession>> ListAsync(Guid userId, Guid currentSessionId) =>
        [.. (await cluster.GetGrain<IUserGrain>(userId).GetSessionsAsync()).Select(session => new DeviceSession(
            session.Id, session.Kind, session.CreatedAt, session.LastSeenAt, session.UserAgent, session.Id == currentSessionId))];

    /// <summary>False when the session is not the user's own open one, which the caller answers as not found.</summary>
    public Task<bool> EndAsync(Guid userId, Guid sessionId, string reason) =>
        sessionId == Guid.Empty ? Task.FromResult(false) : cluster.GetGrain<ISessionGrain>(sessionId).EndAsync(userId, reason);
}
