using Kalmar.Grains.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace Kalmar.Web.Auth;

/// <summary>Issues the framework's bearer tokens (data-protected, shared by all web nodes) for API clients and the hub.</summary>
public sealed class BearerTokens(IOptionsMonitor<BearerTokenOptions> options, TimeProvider time)
{
    public string Issue(UserSession session)
    {
        var tokenOptions = options.Get(BearerTokenDefaults.AuthenticationScheme);
        var now = time.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + tokenOptions.BearerTokenExpiration };
        var principal = SessionClaims.ToPrincipal(session, BearerTokenDefaults.AuthenticationScheme);
        return tokenOptions.BearerTokenProtector.Protect(new AuthenticationTicket(principal, properties, BearerTokenDefaults.AuthenticationScheme));
    }
}
