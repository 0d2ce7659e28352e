namespace Kalmar.Grains.Users;

/// <summary>
/// A single-use link a user was sent (a password reset or an invitation): only its token's hash is kept; it works
/// once, until it expires, and a new one replaces it.
/// </summary>
public sealed record PasswordResetToken(Guid Id, string Hash, DateTimeOffset ExpiresAt);
