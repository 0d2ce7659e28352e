namespace Kalmar.Contracts.Model;

/// <summary>What it takes to create a user. <paramref name="Password"/> is null for an invited user.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.NewUser")]
public sealed record NewUser(
    [property: Id(0)] string FirstName,
    [property: Id(1)] string LastName,
    [property: Id(2)] string Email,
    [property: Id(3)] string? Mobile,
    [property: Id(4)] Guid CompanyId,
    [property: Id(5)] Guid DepartmentId,
    [property: Id(6)] IReadOnlyList<Role> Roles,
    [property: Id(7)] IReadOnlyList<Guid> AdministeredDepartmentIds,
    [property: Id(8)] string? Password);
