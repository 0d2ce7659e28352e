using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;

namespace Kalmar.Web.Pages.Biljetter;

/// <summary>The signed-in traveller with the company and department that the staff offer depends on.</summary>
public sealed record TravellerContext(UserProfile User, CompanyInfo Company, DepartmentInfo? Department)
{
    /// <summary>Why the staff offer is closed to this traveller (Region Kalmar län), or null when it is open.</summary>
    public string? StaffOfferUnavailable =>
        Company.StaffOfferAvailable ? null : $"Personalerbjudandet gäller inte för anställda på {Company.Name}.";

    public static async Task<TravellerContext?> LoadAsync(IClusterClient cluster, Guid userId)
    {
        if (await cluster.GetGrain<IUserGrain>(userId).GetAsync() is not { } user
            || await cluster.GetGrain<ICompanyGrain>(user.CompanyId).GetAsync() is not { } company)
        {
            return null;
        }

        return new TravellerContext(user, company, company.FindDepartment(user.DepartmentId));
    }
}
