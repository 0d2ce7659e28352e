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
    /// <summary>The organisation number, <c>NNNNNN-NNNN</c> with a valid check digit.</summary>
    [Id(4)] public string? OrgNumber { get; init; }

    [Id(5)] public string InvoiceEmail { get; init; } = "";

    [Id(6)] public PostalAddress InvoiceAddress { get; init; } = PostalAddress.None;

    /// <summary>The highest monthly credit an admin may give one traveller (the operator sets it).</summary>
    [Id(7)] public long MaxMonthlyLimitOre { get; init; }

    /// <summary>How the staff offer is recovered from pay: <see cref="PayrollDeductions.Gross"/> or <see cref="PayrollDeductions.Net"/>.</summary>
    [Id(8)] public string PayrollDeduction { get; init; } = PayrollDeductions.Gross;

    public DepartmentInfo? FindDepartment(Guid departmentId) => Departments.FirstOrDefault(d => d.Id == departmentId);
}
