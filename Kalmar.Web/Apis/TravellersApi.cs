using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Audit;
using Kalmar.Web.Features.Travellers;
using Kalmar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalmar.Web.Apis;

/// <summary>The admin's travellers (own company, or own departments): list, add, change, roles, life cycle, business travel.</summary>
public static class TravellersApi
{
    public static IEndpointRouteBuilder MapTravellersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/travellers").WithTags("Resenärer").RequireAuthorization(AdminScope.Policy);
        api.MapGet("/", SearchAsync).WithName("ListTravellers")
            .WithSummary("Resenärerna i administratörens företag eller avdelningar: sök (namn, e-post, anställningsnummer), filter, sortering, sidor");
        api.MapPost("/", AddAsync).WithName("AddTraveller").WithSummary("Lägg till en resenär; en inbjudan med länk för att välja lösenord skickas");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetTraveller").WithSummary("En resenär med beställningar, biljetter och händelser");
        api.MapPatch("/{id:guid}", EditAsync).WithName("EditTraveller").WithSummary("Ändra en resenär; ny avdelning flyttar väntande beställningar dit");
        api.MapPut("/{id:guid}/roles", SetRolesAsync).WithName("SetTravellerRoles").RequireAuthorization(AdminScope.CompanyPolicy)
            .WithSummary("Företagsadministratör och avdelningsadministratör för vilka avdelningar");
        api.MapPost("/{id:guid}/deactivate", DeactivateAsync).WithName("DeactivateTraveller")
            .WithSummary("Avaktivera: alla inloggningar slutar, tjänsteresor dras in, väntande beställningar dras tillbaka; med blockTickets spärras även biljetterna");
        api.MapPost("/{id:guid}/reactivate", ReactivateAsync).WithName("ReactivateTraveller").WithSummary("Återaktivera en resenär");
        api.MapPost("/{id:guid}/invitation", SendInvitationAsync).WithName("SendInvitation")
            .WithSummary("Skicka ny inbjudan; den förra länken slutar gälla").RequireRateLimiting(RateLimiting.MessagesToRecipient);
        api.MapPut("/{id:guid}/business-travel", GrantBusinessTravelAsync).WithName("GrantBusinessTravel")
            .WithSummary("Bevilja eller dra in tjänsteresor och sätt månadskrediten (ett nytt beviljande skickar sms med engångskod)");
        api.MapPost("/{id:guid}/business-travel/code", SendNewCodeAsync).WithName("SendNewActivationCode")
            .WithSummary("Skicka ny kod: nytt användarnamn och ny engångskod till appen per sms; den förra slutar gälla")
            .RequireRateLimiting(RateLimiting.MessagesToRecipient);
        return app;
    }

    public sealed record AddRequest(string? FirstName, string? LastName, string? Email, string? Mobile, Guid? DepartmentId, string? EmployeeNumber);

    public sealed record EditRequest(string? FirstName, string? LastName, string? Mobile, Guid? DepartmentId, string? EmployeeNumber);

    public sealed record RolesRequest(bool CompanyAdmin, Guid[]? DepartmentAdminOf);

    public sealed record BusinessTravelRequest(bool Enabled, long MonthlyLimitOre);

    /// <summary>Optional: without a body, the traveller's tickets stay as they are.</summary>
    public sealed record DeactivateRequest(bool BlockTickets);

    /// <summary>A traveller with their business travel as the grant stands (AllPay added in the app or not) and their history.</summary>
    public sealed record TravellerDetails(TravellerListItem Traveller, BusinessTravelStatus BusinessTravel, IReadOnlyList<AuditEntry> History);

    public static async Task<Ok<Paged<TravellerListItem>>> SearchAsync(
        HttpContext http, TravellersService travellers, string? q, Guid? departmentId, string? status, bool? businessTravel,
        string? sort, int? page, int? pageSize) =>
        TypedResults.Ok(await travellers.SearchAsync(AdminScope.Of(http.User),
            new TravellerQuery(q, departmentId, status, businessTravel, sort, page ?? 1, pageSize ?? TravellerQuery.DefaultPageSize)));

    public static async Task<Results<Created<TravellerListItem>, ProblemHttpResult>> AddAsync(AddRequest request, HttpContext http, TravellersService travellers)
    {
        var added = await travellers.AddAsync(AdminScope.Of(http.User), new TravellerFields(
            request.FirstName, request.LastName, request.Email, request.Mobile, request.DepartmentId ?? Guid.Empty, request.EmployeeNumber));
        return added.Rejection is { } rejection
            ? Problems.From(rejection)
            : TypedResults.Created($"/api/admin/travellers/{added.Value!.Id}", added.Value);
    }

    public static async Task<Results<Ok<TravellerDetails>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, TravellersService travellers, AuditTrail audit)
    {
        var scope = AdminScope.Of(http.User);
        return await travellers.FindAsync(scope, id) is { } traveller
            ? TypedResults.Ok(new TravellerDetails(
                traveller, await travellers.BusinessTravelAsync(id), (await audit.SearchAsync(scope, new AuditQuery(TargetId: id))).Items))
            : Problems.NotFound("Resenären");
    }

    public static Task<Results<Ok<TravellerListItem>, ProblemHttpResult>> EditAsync(Guid id, EditRequest request, HttpContext http, TravellersService travellers) =>
        Answer(travellers.EditAsync(AdminScope.Of(http.User), id,
            new TravellerEdit(request.FirstName, request.LastName, request.Mobile, request.DepartmentId, request.EmployeeNumber)));

    public static Task<Results<Ok<TravellerListItem>, ProblemHttpResult>> SetRolesAsync(Guid id, RolesRequest request, HttpContext http, TravellersService travellers) =>
        Answer(travellers.SetRolesAsync(AdminScope.Of(http.User), id, new RoleChange(request.CompanyAdmin, request.DepartmentAdminOf ?? [])));

    public static Task<Results<Ok<TravellerListItem>, ProblemHttpResult>> DeactivateAsync(
        Guid id, DeactivateRequest? request, HttpContext http, TravellersService travellers) =>
        Answer(travellers.DeactivateAsync(AdminScope.Of(http.User), id, request?.BlockTickets ?? false));

    public static Task<Results<Ok<TravellerListItem>, ProblemHttpResult>> ReactivateAsync(Guid id, HttpContext http, TravellersService travellers) =>
        Answer(travellers.ReactivateAsync(AdminScope.Of(http.User), id));

    public static Task<Results<Ok<TravellerListItem>, ProblemHttpResult>> SendInvitationAsync(Guid id, HttpContext http, TravellersService travellers) =>
        Answer(travellers.SendInvitationAsync(AdminScope.Of(http.User), id));

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

    private static async Task<Results<Ok<T>, ProblemHttpResult>> Answer<T>(Task<Outcome<T>> outcome) =>
        (await outcome) is { Rejection: { } rejection } ? Problems.From(rejection) : TypedResults.Ok((await outcome).Value!);
}
