using Kalmar.Grains.Abstractions;
using Kalmar.Grains.Payloads;
using Kalmar.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalmar.Web.Apis;

public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/me").WithTags("Resenär").RequireAuthorization();
        api.MapGet("/", GetAsync).WithName("GetMe").WithSummary("Den inloggade användaren");
        api.MapGet("/tickets", ListTicketsAsync).WithName("ListMyTickets").WithSummary("Mina aktiva biljetter");
        return app;
    }

    public static async Task<Ok<TicketPayload[]>> ListTicketsAsync(HttpContext http, IClusterClient cluster) =>
        TypedResults.Ok((await cluster.GetGrain<IUserGrain>(http.User.GetUserId()).GetActiveTicketsAsync()).Select(TicketPayload.Of).ToArray());

    public static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> GetAsync(HttpContext http, IClusterClient cluster) =>
        await MeResponse.LoadAsync(cluster, http.User.GetUserId()) is { } me
            ? TypedResults.Ok(me)
            : Problems.NotFound("Användaren");
}
