namespace Kalmar.Contracts.Model;

/// <summary>A user's admin roles as a company admin sets them: company admin or not, and the departments they administer.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.RoleChange")]
public sealed record RoleChange(
    [property: Id(0)] bool CompanyAdmin,
    [property: Id(1)] IReadOnlyList<Guid> DepartmentAdminOf);
