using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Customers;
using Kalmar.Web.Features.Travellers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalmar.Web.Apis;

/// <summary>Kalmar länstrafik's operators: customer companies and their first admin.</summary>
public static class OperatorApi
{
    public static IEndpointRouteBuilder MapOperatorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/operator/companies").WithTags("Kunder").RequireAuthorization(AuthExtensions.OperatorPolicy);
        api.MapGet("/", SearchAsync).WithName("ListCompanies").WithSummary("Alla kundföretag, sökbara på namn och organisationsnummer");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetCompany").WithSummary("Ett kundföretag");
        api.MapPost("/", CreateAsync).WithName("CreateCompany").WithSummary("Nytt kundföretag med sin första företagsadministratör, som får en inbjudan");
        api.MapPatch("/{id:guid}", UpdateAsync).WithName("UpdateCompany").WithSummary("Ändra företagets uppgifter och villkor");
        return app;
    }

    public sealed record AdminRequest(string? FirstName, string? LastName, string? Email, string? Mobile);

    public sealed record CompanyRequest(
        string? Name, string? OrgNumber, string? InvoiceEmail, PostalAddress? InvoiceAddress, bool? StaffOfferAvailable,
        long? MaxMonthlyLimitOre, AdminRequest? Admin, string? PayrollDeduction = null)
    {
        public CompanyFields Fields => new(Name, OrgNumber, InvoiceEmail, InvoiceAddress, StaffOfferAvailable, MaxMonthlyLimitOre, PayrollDeduction);
    }

    public static async Task<Ok<Paged<CustomerListItem>>> SearchAsync(CustomersService customers, string? q, int? page) =>
        TypedResults.Ok(await customers.SearchAsync(q, page ?? 1));

    public static async Task<Results<Ok<CompanyInfo>, ProblemHttpResult>> GetAsync(Guid id, CustomersService customers) =>
        await customers.GetAsync(id) is { } company ? TypedResults.Ok(company) : Problems.NotFound("Företaget");

    public static async Task<Results<Created<CompanyInfo>, ProblemHttpResult>> CreateAsync(CompanyRequest request, HttpContext http, CustomersService customers)
    {
        var admin = request.Admin ?? new AdminRequest(null, null, null, null);
        var created = await customers.RegisterAsync(
            request.Fields with { StaffOfferAvailable = request.StaffOfferAvailable ?? true },
            new TravellerFields(admin.FirstName, admin.LastName, admin.Email, admin.Mobile, Guid.Empty, null),
            http.User.GetActor());
        return created.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Created($"/api/operator/companies/{created.Value!.Id}", created.Value);
    }

    public static async Task<Results<Ok<CompanyInfo>, ProblemHttpResult>> UpdateAsync(Guid id, CompanyRequest request, HttpContext http, CustomersService customers)
    {
        var updated = await customers.UpdateAsync(id, request.Fields, http.User.GetActor());
        return updated.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Ok(updated.Value!);
    }
}
