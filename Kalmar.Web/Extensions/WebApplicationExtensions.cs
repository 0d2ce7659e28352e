using Kalmar.Web.Apis;
using Kalmar.Web.Auth;
using Kalmar.Web.Hubs;
using Kalmar.Web.Observability;
using Kalmar.Web.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Kalmar.Web.Extensions;

public static class WebApplicationExtensions
{
    /// <summary>The request pipeline and every route of the portal, the API and the hub.</summary>
    public static WebApplication UseKalmarWeb(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseKalmarSecurityHeaders();
        // Unreadable JSON is the client's mistake (400), whatever the environment.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        // API answers get Problem Details; pages get the Swedish error page.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(IsPage, pages => pages.UseStatusCodePagesWithReExecute("/fel/{0}"));
        app.UseRouting(); // after the status code pages, so a re-executed request is routed again
        // After routing, so that a request with an endpoint (every API call) is not looked up on disk first.
        app.UseDefaultFiles(); // /app/ is the app's index.html (and /app redirects there)
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter(); // after authentication, so the API is counted per user
        app.UseMiddleware<CookieApiAntiforgery>();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(WebServiceExtensions.ReadyTag) });
        app.MapKalmarOperations();
        app.MapOpenApi();
        app.MapAuthApi();
        app.MapMeApi();
        app.MapSessionsApi();
        app.MapTransitApi();
        app.MapCartApi();
        app.MapOrdersApi();
        app.MapApprovalsApi();
        app.MapTravellersApi();
        app.MapAdminTicketsApi();
        app.MapImportApi();
        app.MapDepartmentsApi();
        app.MapAuditApi();
        app.MapInvoicesApi();
        app.MapReconciliationApi();
        app.MapOperatorApi();
        app.MapAppApi();
        app.MapTicketsApi();
        app.MapDevOutboxApi();
        app.MapHub<LiveHub>(LiveHub.Path);
        app.MapRazorPages();
        return app;
    }

    private static bool IsPage(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/hubs");
}
