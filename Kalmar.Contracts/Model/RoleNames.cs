namespace Kalmar.Contracts.Model;

/// <summary>The API's and the claims' spelling of <see cref="Role"/>.</summary>
public static class RoleNames
{
    public const string Traveller = "traveller";
    public const string DepartmentAdmin = "department-admin";
    public const string CompanyAdmin = "company-admin";
    public const string Operator = "operator";

    public static string ToName(this Role role) => role switch
    {
        Role.Traveller => Traveller,
        Role.DepartmentAdmin => DepartmentAdmin,
        Role.CompanyAdmin => CompanyAdmin,
        Role.Operator => Operator,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static Role Parse(string name) => name switch
    {
        Traveller => Role.Traveller,
        DepartmentAdmin => Role.DepartmentAdmin,
        CompanyAdmin => Role.CompanyAdmin,
        Operator => Role.Operator,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a role."),
    };
}
