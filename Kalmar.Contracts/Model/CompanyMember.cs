namespace Kalmar.Contracts.Model;

/// <summary>An admin of a company, as the company's admin directory (a query over <c>users</c>) lists them.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.CompanyMember")]
public sealed record CompanyMember(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Email,
    [property: Id(3)] Guid DepartmentId,
    [property: Id(4)] IReadOnlyList<Role> Roles,
    [property: Id(5)] IReadOnlyList<Guid> AdministeredDepartmentIds)
{
    public bool IsCompanyAdmin => Roles.Contains(Role.CompanyAdmin);

    public bool Administers(Guid departmentId) => IsCompanyAdmin || AdministeredDepartmentIds.Contains(departmentId);
}
