namespace Kalmar.Contracts.Live;

/// <summary>How users and hub groups are named on the live hub; grains and the hub agree through this.</summary>
public static class LiveAddress
{
    public static string User(Guid userId) => userId.ToString("N");

    public static string CompanyAdmins(Guid companyId) => $"company-admins:{companyId:N}";

    public static string DepartmentAdmins(Guid departmentId) => $"department-admins:{departmentId:N}";
}
