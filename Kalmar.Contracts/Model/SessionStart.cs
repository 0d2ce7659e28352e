namespace Kalmar.Contracts.Model;

/// <summary>
/// A session to open for a user who just proved who they are. <see cref="SecurityStamp"/> is the stamp the sign-in
/// answered (a password changed since refuses the session); null after an SMS code, which proves the phone instead.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kalmar.SessionStart")]
public sealed record SessionStart(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] string? UserAgent,
    [property: Id(3)] string? RefreshTokenHash,
    [property: Id(4)] string? SecurityStamp)
{
    public const int MaxUserAgentLength = 200;
}
