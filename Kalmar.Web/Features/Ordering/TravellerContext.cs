using Kalmar.Contracts.Model;

namespace Kalmar.Web.Features.Ordering;

/// <summary>The signed-in traveller with the company and department that the staff offer depends on.</summary>
public sealed record TravellerContext(UserProfile User, CompanyInfo Company, DepartmentInfo? Department)
{
    /// <summary>Why the staff offer is closed to this traveller (Region Kalmar län), or null when it is open.</summary>
    public string? StaffOfferUnavailable =>
        Company.StaffOfferAvailable ? null : $"Personalerbjudandet gäller inte för anställda på {Company.Name}.";
}
