using Kalmar.Contracts.Model;
using Kalmar.Web.Hubs;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;

namespace Kalmar.Web.Auth;

public static class AuthExtensions
{
    /// <summary>The scheme that picks the bearer token when the request carries one, else the cookie.</summary>
    public const string Scheme = "kalmar";

    public static IServiceCollection AddKalmarAuth(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(Scheme, "Cookie eller token", _ => { })
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, options =>
            {
                options.Cookie.Name = "kalmar.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the request came over TLS (behind the proxy: X-Forwarded-Proto from a known proxy).
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/logga-in";
                // The session refuses the cookie after 30 idle minutes and 12 hours; the cookie itself lapses when idle too.
                options.ExpireTimeSpan = SessionLifetimes.PortalIdle;
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = AnswerApiOrRedirect;
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            .AddBearerToken(BearerTokenDefaults.AuthenticationScheme, options =>
            {
                options.BearerTokenExpiration = TimeSpan.FromHours(12);
                options.RefreshTokenExpiration = TimeSpan.FromDays(30);
                options.Events.OnMessageReceived = ReadHubAccessToken;
            });
        services.AddSingleton<RememberedTokens>();
        services.AddOptions<BearerTokenOptions>(BearerTokenDefaults.AuthenticationScheme)
            .PostConfigure<RememberedTokens>((options, remembered) => options.BearerTokenProtector = remembered.Around(options.BearerTokenProtector));
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminScope.Policy, policy => policy.RequireRole(RoleNames.CompanyAdmin, RoleNames.DepartmentAdmin))
            .AddPolicy(AdminScope.CompanyPolicy, policy => policy.RequireRole(RoleNames.CompanyAdmin))
            .AddPolicy(OperatorPolicy, policy => policy.RequireRole(RoleNames.Operator));
        services.AddSingleton<BearerTokens>();
        services.AddSingleton<SessionStarter>();
        return services;
    }

    /// <summary>Kalmar länstrafik's operators: every company, none of its travellers' pages.</summary>
    public const string OperatorPolicy = "operator";

    /// <summary>The bearer token when the request carries one (header, or query on the hub), else the cookie.</summary>
    public static string SelectScheme(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        || (context.Request.Path.StartsWithSegments(LiveHub.Path) && context.Request.Query.ContainsKey("access_token"))
            ? BearerTokenDefaults.AuthenticationScheme
            : CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>Browsers' WebSockets cannot send headers, so the hub takes the token from the query string.</summary>
    private static Task ReadHubAccessToken(MessageReceivedContext context)
    {
        if (context.Request.Path.StartsWithSegments(LiveHub.Path) && context.Request.Query["access_token"] is [{ Length: > 0 } token])
        {
            context.Token = token;
        }

        return Task.CompletedTask;
    }

    /// <summary>Pages send the browser to the login page; the API and hub answer 401.</summary>
    private static Task AnswerApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
