namespace Kalmar.Contracts.Model;

/// <summary>
/// What a sign-in puts into the cookie or token. <see cref="SessionId"/> names the server-side session (empty until
/// one is opened); <see cref="SecurityStamp"/> changes with the password, roles or deactivation, so a sign-in that
/// raced such a change opens no session.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kalmar.UserSession")]
public sealed record UserSession(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string FullName,
    [property: Id(2)] string Email,
    [property: Id(3)] Guid CompanyId,
    [property: Id(4)] IReadOnlyList<Role> Roles,
    [property: Id(5)] IReadOnlyList<Guid> AdministeredDepartmentIds,
    [property: Id(6)] string SecurityStamp,
    [property: Id(7)] Guid SessionId = default);
