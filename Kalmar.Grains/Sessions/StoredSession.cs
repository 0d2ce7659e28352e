namespace Kalmar.Grains.Sessions;

/// <summary>A session's row in <c>sessions</c>, as its grain keeps it.</summary>
public sealed record StoredSession(
    Guid Id,
    Guid UserId,
    string Kind,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastSeenAt,
    DateTimeOffset ExpiresAt,
    string? RefreshHash,
    DateTimeOffset? EndedAt);
