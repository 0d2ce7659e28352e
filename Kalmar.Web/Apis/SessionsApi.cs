using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalmar.Web.Apis;

/// <summary>api.md "Sessions": the signed-in user's devices, and signing one out.</summary>
public static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/me/sessions").WithTags("Resenär").RequireAuthorization();
        api.MapGet("/", ListAsync).WithName("ListMySessions").WithSummary("Mina enheter: de inloggningar som gäller nu");
        api.MapDelete("/{id:guid}", EndAsync).WithName("EndMySession").WithSummary("Logga ut en enhet; dess liveanslutningar stängs");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<DeviceSession>>> ListAsync(HttpContext http, SessionsService sessions) =>
        TypedResults.Ok(await sessions.ListAsync(http.User.GetUserId(), http.User.GetSessionId()));

    /// <summary>Another user's session, an ended one and one that never was are alike: 404.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> EndAsync(Guid id, HttpContext http, SessionsService sessions)
    {
        var reason = id == http.User.GetSessionId() ? SessionEndReasons.Logout : SessionEndReasons.SignedOutElsewhere;
        return await sessions.EndAsync(http.User.GetUserId(), id, reason) ? TypedResults.NoContent() : Problems.NotFound("Inloggningen");
    }
}
