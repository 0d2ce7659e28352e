namespace Kalmar.Contracts.Model;

/// <summary>A user as the company's directory lists it: enough to find admins and list travellers.</summary>
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

    /// <summary>Value equality, lists included (a record compares lists by reference).</summary>
    public bool SameAs(CompanyMember other) =>
        this with { Roles = other.Roles, AdministeredDepartmentIds = other.AdministeredDepartmentIds } == other
        && Roles.SequenceEqual(other.Roles)
        && AdministeredDepartmentIds.SequenceEqual(other.AdministeredDepartmentIds);

    public bool Administers(Guid departmentId) => IsCompanyAdmin || AdministeredDepartmentIds.Contains(departmentId);
}
