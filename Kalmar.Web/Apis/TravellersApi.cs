using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Travellers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalmar.Web.Apis;

/// <summary>The admin's travellers (own company, or own departments) and their business travel.</summary>
public static class TravellersApi
{
    public static IEndpointRouteBuilder MapTravellersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/travellers").WithTags("Resenärer").RequireAuthorization(AdminScope.Policy);
        api.MapGet("/", ListAsync).WithName("ListTravellers").WithSummary("Resenärerna i administratörens företag eller avdelningar");
        api.MapPut("/{id:guid}/business-travel", GrantBusinessTravelAsync).WithName("GrantBusinessTravel")
            .WithSummary("Bevilja eller dra in tjänsteresor och sätt månadskrediten (ett nytt beviljande skickar sms med engångskod)");
        api.MapPost("/{id:guid}/business-travel/code", SendNewCodeAsync).WithName("SendNewActivationCode")
            .WithSummary("Skicka ny kod: nytt användarnamn och ny engångskod till appen per sms; den förra slutar gälla");
        return app;
    }

    public sealed record BusinessTravelRequest(bool Enabled, long MonthlyLimitOre);

    public static async Task<Ok<TravellerResponse[]>> ListAsync(HttpContext http, TravellersService travellers) =>
        TypedResults.Ok((await travellers.ListAsync(AdminScope.Of(http.User))).ToArray());

    public static async Task<Results<Ok<BusinessTravelStatus>, ProblemHttpResult>> GrantBusinessTravelAsync(
        Guid id, BusinessTravelRequest request, HttpContext http, TravellersService travellers)
    {
        var granted = await travellers.GrantBusinessTravelAsync(AdminScope.Of(http.User), id, request.Enabled, request.MonthlyLimitOre);
        return granted.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Ok(granted.Value!.Status);
    }

    public static async Task<Results<Ok<BusinessTravelStatus>, ProblemHttpResult>> SendNewCodeAsync(Guid id, HttpContext http, TravellersService travellers)
    {
        var sent = await travellers.SendNewCodeAsync(AdminScope.Of(http.User), id);
        return sent.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Ok(sent.Value!);
    }
}
