namespace Kalmar.Contracts.Model;

/// <summary>
/// An admin's decision on an order: approve, or reject with a reason. With <see cref="Reach"/>, an order outside it is
/// answered as not found (the portal's admins); without, the caller has checked (the system's own steps, tests).
/// </summary>
[GenerateSerializer, Immutable, Alias("Kalmar.OrderDecision")]
public sealed record OrderDecision(
    [property: Id(0)] bool Approve,
    [property: Id(1)] Guid AdminId,
    [property: Id(2)] string AdminName,
    [property: Id(3)] string? Reason,
    [property: Id(4)] AdminReach? Reach = null);
