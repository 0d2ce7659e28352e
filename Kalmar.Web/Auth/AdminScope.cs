using System.Security.Claims;
using Kalmar.Contracts.Model;

namespace Kalmar.Web.Auth;

/// <summary>
/// What an admin may see and decide: the whole company for a company admin, the administered
/// departments for a department admin. Anything outside answers 404, as if it did not exist.
/// </summary>
public sealed record AdminScope(Guid CompanyId, bool WholeCompany, IReadOnlySet<Guid> DepartmentIds, Guid AdminId, string AdminName)
{
    public const string Policy = "admin";

    /// <summary>What only a company admin may do: departments, roles, the company's audit log.</summary>
    public const string CompanyPolicy = "company-admin";

    public static AdminScope Of(ClaimsPrincipal user) => new(
        user.GetCompanyId(),
        user.IsInRole(RoleNames.CompanyAdmin),
        user.FindAll(SessionClaims.AdministeredDepartment).Select(claim => Guid.Parse(claim.Value)).ToHashSet(),
        user.GetUserId(),
        user.Identity?.Name ?? "");

    /// <summary>The admin as the audit log names them.</summary>
    public Actor Actor => new(AdminId, AdminName);

    /// <summary>The same scope, for a grain to check (<see cref="AdminReach.Includes"/> applies the rule of <see cref="Includes(Guid, Guid)"/>).</summary>
    public AdminReach Reach => new(CompanyId, WholeCompany ? null : [.. DepartmentIds]);

    public bool IncludesDepartment(Guid departmentId) => WholeCompany || DepartmentIds.Contains(departmentId);

    public bool Includes(OrderView order) => Includes(order.Submission.CompanyId, order.Submission.DepartmentId);

    public bool Includes(UserProfile user) => Includes(user.CompanyId, user.DepartmentId);

    public bool Includes(Guid companyId, Guid departmentId) => companyId == CompanyId && IncludesDepartment(departmentId);
}
