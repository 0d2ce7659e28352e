namespace Kalmar.Contracts.Model;

/// <summary>
/// A customer company. <paramref name="StaffOfferAvailable"/> is false for Region Kalmar län,
/// whose employees may not buy the staff offer.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kalmar.CompanyInfo")]
public sealed record CompanyInfo(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] bool StaffOfferAvailable,
    [property: Id(3)] IReadOnlyList<DepartmentInfo> Departments)
{
    public DepartmentInfo? FindDepartment(Guid departmentId) => Departments.FirstOrDefault(d => d.Id == departmentId);
}
