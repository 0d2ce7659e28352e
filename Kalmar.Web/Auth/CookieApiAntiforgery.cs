using Microsoft.AspNetCore.Antiforgery;

namespace Kalmar.Web.Auth;

/// <summary>
/// A browser's cookie rides along on any site's request, so a state-changing API call that relies
/// on the cookie must also carry the antiforgery token (header <c>RequestVerificationToken</c>,
/// which the portal's pages put in a meta tag). Bearer-token calls need none, nor do endpoints
/// that opt out with <c>DisableAntiforgery()</c> because they never act on the cookie.
/// </summary>
internal sealed class CookieApiAntiforgery(RequestDelegate next, IAntiforgery antiforgery)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (NeedsToken(context.Request)
            && context.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>() is not { RequiresValidation: false }
            && !await antiforgery.IsRequestValidAsync(context))
        {
            await Results.Problem(
                type: "antiforgery",
                title: "Sidan behöver laddas om",
                detail: "Förfrågan saknade en giltig säkerhetstoken. Ladda om sidan och försök igen.",
                statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static bool NeedsToken(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
        && !request.Headers.ContainsKey("Authorization")
        && request.Cookies.ContainsKey("kalmar.auth");
}
