using Kalmar.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalmar.Web.Apis;

public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/me").WithTags("Resenär").RequireAuthorization();
        api.MapGet("/", GetAsync).WithName("GetMe").WithSummary("Den inloggade användaren");
        return app;
    }

    public static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> GetAsync(HttpContext http, IClusterClient cluster) =>
        await MeResponse.LoadAsync(cluster, http.User.GetUserId()) is { } me
            ? TypedResults.Ok(me)
            : Problems.NotFound("Användaren");
}
