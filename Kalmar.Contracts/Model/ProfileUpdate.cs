namespace Kalmar.Contracts.Model;

/// <summary>
/// What a user may change in Min profil, as typed (the grain validates and normalises it). A new e-mail address also
/// takes <see cref="CurrentPassword"/>, and changes only once the link sent to it is used.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kalmar.ProfileUpdate")]
public sealed record ProfileUpdate(
    [property: Id(0)] string? FirstName,
    [property: Id(1)] string? LastName,
    [property: Id(2)] string? Personnummer,
    [property: Id(3)] string? Email,
    [property: Id(4)] string? Mobile,
    [property: Id(5)] string? Phone,
    [property: Id(6)] NotificationChoice Notify,
    [property: Id(7)] string? CurrentPassword = null);
