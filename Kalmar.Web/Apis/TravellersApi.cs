using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Payloads;
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

    public sealed record TravellerResponse(
        Guid Id, string Name, string Email, NamedRef Department, IReadOnlyList<string> Roles, BusinessTravelResponse BusinessTravel,
        CreditPayload? Credit);

    public static async Task<Ok<TravellerResponse[]>> ListAsync(HttpContext http, IClusterClient cluster) =>
        TypedResults.Ok(await LoadAsync(cluster, AdminScope.Of(http.User)));

    public static async Task<TravellerResponse[]> LoadAsync(IClusterClient cluster, AdminScope scope)
    {
        var company = (await cluster.GetGrain<ICompanyGrain>(scope.CompanyId).GetAsync())!;
        var members = (await cluster.GetGrain<ICompanyGrain>(scope.CompanyId).GetMembersAsync()).Where(member => scope.Includes(scope.CompanyId, member.DepartmentId));
        return await Task.WhenAll(members.Select(async member =>
        {
            var travel = await cluster.GetGrain<IBusinessTravelGrain>(member.UserId).GetAsync();
            var credit = travel.Enabled ? CreditPayload.Of(await cluster.GetGrain<ICreditAccountGrain>(member.UserId).GetAsync()) : null;
            return new TravellerResponse(
                member.UserId, member.Name, member.Email, new NamedRef(member.DepartmentId, company.FindDepartment(member.DepartmentId)?.Name ?? ""),
                [.. member.Roles.Select(role => role.ToName())], BusinessTravelResponse.Of(travel), credit);
        }));
    }

    /// <summary>Grants or revokes in the admin's scope; the same call serves the API and the Resenärer page.</summary>
    public static Task<Results<Ok<BusinessTravelStatus>, ProblemHttpResult>> GrantBusinessTravelAsync(
        Guid id, BusinessTravelRequest request, HttpContext http, IClusterClient cluster) =>
        InScopeAsync(id, http, cluster, travel => travel.GrantAsync(request.Enabled, request.MonthlyLimitOre));

    public static Task<Results<Ok<BusinessTravelStatus>, ProblemHttpResult>> SendNewCodeAsync(Guid id, HttpContext http, IClusterClient cluster) =>
        InScopeAsync(id, http, cluster, travel => travel.SendNewCodeAsync());

    /// <summary>A traveller outside the admin's scope does not exist, as far as the admin can tell.</summary>
    private static async Task<Results<Ok<BusinessTravelStatus>, ProblemHttpResult>> InScopeAsync(
        Guid id, HttpContext http, IClusterClient cluster, Func<IBusinessTravelGrain, Task<Outcome<BusinessTravelStatus>>> change)
    {
        if (await cluster.GetGrain<IUserGrain>(id).GetAsync() is not { } traveller || !AdminScope.Of(http.User).Includes(traveller))
        {
            return Problems.NotFound("Resenären");
        }

        var changed = await change(cluster.GetGrain<IBusinessTravelGrain>(id));
        return changed.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Ok(changed.Value!);
    }
}
