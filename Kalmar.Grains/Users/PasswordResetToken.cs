namespace Kalmar.Grains.Users;

/// <summary>The one outstanding reset link of a user: only its hash is kept; it works once, until it expires.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.PasswordResetToken")]
public sealed record PasswordResetToken(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Hash,
    [property: Id(2)] DateTimeOffset ExpiresAt);
