using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Invoices;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalmar.Web.Apis;

/// <summary>Avstämning: credit accounts against the credit ledger and the invoices, for KLT's operators.</summary>
public static class ReconciliationApi
{
    public static IEndpointRouteBuilder MapReconciliationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/operator/reconciliation").WithTags("Kunder").RequireAuthorization(AuthExtensions.OperatorPolicy);
        api.MapPost("/", RunAsync).WithName("RunReconciliation").WithSummary("Stämmer av kreditkonton mot reskontran och fakturorna nu");
        api.MapGet("/", LatestAsync).WithName("GetReconciliation").WithSummary("Den senaste avstämningen");
        return app;
    }

    public static async Task<Ok<ReconciliationRun>> RunAsync(IClusterClient grains) =>
        TypedResults.Ok(await grains.GetGrain<IReconciliationGrain>(0).RunAsync());

    public static async Task<Results<Ok<ReconciliationRun>, NoContent>> LatestAsync(ReconciliationReader reader) =>
        await reader.LatestAsync() is { } run ? TypedResults.Ok(run) : TypedResults.NoContent();
}
