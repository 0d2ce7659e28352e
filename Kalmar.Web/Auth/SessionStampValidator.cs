using System.Security.Claims;
using Kalmar.Grains.Abstractions;
using Microsoft.AspNetCore.Authentication;

namespace Kalmar.Web.Auth;

/// <summary>
/// Ends a cookie or token whose user was deactivated or changed password since it was issued:
/// the user grain knows the current security stamp, and a stale one signs the request out.
/// </summary>
internal sealed class SessionStampValidator(IClusterClient cluster) : IClaimsTransformation
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return principal;
        }

        var stamp = principal.FindFirstValue(SessionClaims.SecurityStamp);
        var valid = stamp is not null && await cluster.GetGrain<IUserGrain>(principal.GetUserId()).IsSessionValidAsync(stamp);
        return valid ? principal : Anonymous;
    }
}
