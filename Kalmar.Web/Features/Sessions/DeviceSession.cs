namespace Kalmar.Web.Features.Sessions;

/// <summary>
/// A signed-in device as "Mina enheter" and <c>GET /api/me/sessions</c> show it; <see cref="Current"/> is the
/// device asking ("Den här enheten").
/// </summary>
public sealed record DeviceSession(Guid Id, string Kind, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, string? UserAgent, bool Current);
