using Kalmar.Web.Observability;

namespace Kalmar.Web.Security;

/// <summary>
/// The response headers every page and API answer carries: a Content-Security-Policy that allows only the portal's
/// own scripts, styles and connections (no inline script, no framing), <c>nosniff</c>, and a Referrer-Policy that
/// keeps a link's token out of other sites' logs. Outside Development, HSTS and the redirect to HTTPS come too
/// (<see cref="UseKalmarSecurityHeaders"/>).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy = PolicyStart + "font-src 'self'; " + PolicyEnd;

    /// <summary>
    /// The Orleans dashboard's page (<see cref="ObservabilityExtensions.DashboardPath"/>, operators only) sets style
    /// attributes and its style sheet embeds a font as a <c>data:</c> URL; Chromium blocked both under the policy above.
    /// Allowed there only: style attributes (not style elements, not script) and <c>data:</c> fonts.
    /// </summary>
    public const string DashboardContentSecurityPolicy = PolicyStart + "style-src-attr 'unsafe-inline'; font-src 'self' data:; " + PolicyEnd;

    private const string PolicyStart = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; ";

    private const string PolicyEnd =
        "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseKalmarSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ObservabilityExtensions.DashboardPath)
                ? DashboardContentSecurityPolicy
                : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(self), geolocation=(), microphone=()";
            return next(context);
        });
        return app;
    }
}
