using System.Security.Claims;
using Kalmar.Contracts.Live;
using Kalmar.Contracts.Model;

namespace Kalmar.Web.Auth;

/// <summary>How a <see cref="UserSession"/> is written into, and read back from, a cookie's or token's claims.</summary>
public static class SessionClaims
{
    public const string CompanyId = "kalmar:company";
    public const string AdministeredDepartment = "kalmar:admin-department";

    /// <summary>The server-side session a cookie or token belongs to: a request is answered only while it is open.</summary>
    public const string SessionId = "kalmar:session";

    /// <summary>Marks a token the app got by SMS activation: the traveller's own routes only, whatever else the user may do.</summary>
    public const string AppScope = "kalmar:app";

    public static ClaimsPrincipal ToPrincipal(UserSession session, string authenticationType)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, LiveAddress.User(session.UserId)),
            new(ClaimTypes.Name, session.FullName),
            new(ClaimTypes.Email, session.Email),
            new(CompanyId, session.CompanyId.ToString("N")),
            new(SessionId, session.SessionId.ToString("N")),
            .. session.Roles.Select(role => new Claim(ClaimTypes.Role, role.ToName())),
            .. session.AdministeredDepartmentIds.Select(id => new Claim(AdministeredDepartment, id.ToString("N"))),
        ];
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static Guid GetUserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."));

    /// <summary>The session of the cookie or token; empty for one issued before sessions were kept.</summary>
    public static Guid GetSessionId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SessionId), out var id) ? id : Guid.Empty;

    public static Guid GetCompanyId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(CompanyId) ?? throw new InvalidOperationException("Not signed in."));

    /// <summary>The signed-in user as the audit log names them.</summary>
    public static Actor GetActor(this ClaimsPrincipal user) => new(user.GetUserId(), user.Identity?.Name ?? "");

    /// <summary>Every live address whose events this user's connections receive: the user's own and their admin groups.</summary>
    public static IEnumerable<string> LiveAddresses(this ClaimsPrincipal user) => user.AdminGroups().Prepend(LiveAddress.User(user.GetUserId()));

    /// <summary>The hub groups whose events this user's connections receive.</summary>
    public static IEnumerable<string> AdminGroups(this ClaimsPrincipal user)
    {
        if (user.IsInRole(RoleNames.CompanyAdmin))
        {
            yield return LiveAddress.CompanyAdmins(user.GetCompanyId());
        }

        foreach (var claim in user.FindAll(AdministeredDepartment))
        {
            yield return LiveAddress.DepartmentAdmins(Guid.Parse(claim.Value));
        }
    }
}
