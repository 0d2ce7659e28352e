using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Departments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalmar.Web.Apis;

/// <summary>The company admin's departments: name, invoice reference, cost centre.</summary>
public static class DepartmentsApi
{
    public static IEndpointRouteBuilder MapDepartmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/departments").WithTags("Avdelningar").RequireAuthorization(AdminScope.Policy);
        api.MapGet("/", ListAsync).WithName("ListDepartments").WithSummary("Avdelningarna med antal resenärer och administratörer");
        api.MapPost("/", CreateAsync).WithName("CreateDepartment").RequireAuthorization(AdminScope.CompanyPolicy).WithSummary("Skapa en avdelning");
        api.MapPatch("/{id:guid}", UpdateAsync).WithName("UpdateDepartment").RequireAuthorization(AdminScope.CompanyPolicy).WithSummary("Byt namn, referens eller kostnadsställe");
        api.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteDepartment").RequireAuthorization(AdminScope.CompanyPolicy).WithSummary("Ta bort en tom avdelning");
        return app;
    }

    public sealed record DepartmentRequest(string? Name, string? Reference, string? CostCentre);

    public static async Task<Ok<IReadOnlyList<DepartmentListItem>>> ListAsync(HttpContext http, DepartmentsService departments) =>
        TypedResults.Ok(await departments.ListAsync(AdminScope.Of(http.User)));

    public static async Task<Results<Created<DepartmentInfo>, ProblemHttpResult>> CreateAsync(DepartmentRequest request, HttpContext http, DepartmentsService departments)
    {
        // A missing field is an error when creating; null would mean "unchanged".
        var created = await departments.CreateAsync(AdminScope.Of(http.User), new DepartmentFields(request.Name ?? "", request.Reference ?? "", request.CostCentre ?? ""));
        return created.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Created($"/api/admin/departments/{created.Value!.Id}", created.Value);
    }

    public static async Task<Results<Ok<DepartmentInfo>, ProblemHttpResult>> UpdateAsync(Guid id, DepartmentRequest request, HttpContext http, DepartmentsService departments)
    {
        var updated = await departments.UpdateAsync(AdminScope.Of(http.User), id, new DepartmentFields(request.Name, request.Reference, request.CostCentre));
        return updated.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Ok(updated.Value!);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HttpContext http, DepartmentsService departments)
    {
        var deleted = await departments.DeleteAsync(AdminScope.Of(http.User), id);
        return deleted.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.NoContent();
    }
}
