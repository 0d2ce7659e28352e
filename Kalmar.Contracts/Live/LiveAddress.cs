namespace Kalmar.Contracts.Live;

/// <summary>How users and hub groups are named on the live hub; grains and the hub agree through this.</summary>
public static class LiveAddress
{
    public static string User(Guid userId) => userId.ToString("N");

    /// <summary>
    /// Every web node, whatever connections it holds: for the rare news each node must hear at once (sessions that
    /// ended, which nodes may have answered from memory), never for an event per purchase or decision.
    /// </summary>
    public const string WebNodes = "web-nodes";

    public static string CompanyAdmins(Guid companyId) => $"company-admins:{companyId:N}";

    public static string DepartmentAdmins(Guid departmentId) => $"department-admins:{departmentId:N}";
}
