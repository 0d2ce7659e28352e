namespace Kalmar.Contracts.Model;

/// <summary>The API's and the claims' spelling of <see cref="Role"/>.</summary>
public static class RoleNames
{
    public const string Traveller = "traveller";
    public const string DepartmentAdmin = "department-admin";
    public const string CompanyAdmin = "company-admin";

    public static string ToName(this Role role) => role switch
    {
        Role.Traveller => Traveller,
        Role.DepartmentAdmin => DepartmentAdmin,
        Role.CompanyAdmin => CompanyAdmin,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}
