namespace Kalmar.Contracts.Model;

/// <summary>An open session as "Mina enheter" lists it.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.SessionInfo")]
public sealed record SessionInfo(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] DateTimeOffset LastSeenAt,
    [property: Id(4)] string? UserAgent);
