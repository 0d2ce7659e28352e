using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Payloads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalmar.Web.Apis;

public static class ApprovalsApi
{
    public static IEndpointRouteBuilder MapApprovalsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin").WithTags("Attestering").RequireAuthorization(AdminScope.Policy);
        api.MapGet("/approvals", ListPendingAsync).WithName("ListApprovals").WithSummary("Beställningar som väntar på godkännande, äldst först");
        api.MapPost("/orders/{id:guid}/approve", ApproveAsync).WithName("ApproveOrder").WithSummary("Godkänn en beställning (biljetten utfärdas)");
        api.MapPost("/orders/{id:guid}/reject", RejectAsync).WithName("RejectOrder").WithSummary("Avslå en beställning med en motivering");
        return app;
    }

    public sealed record RejectRequest(string? Reason);

    public static async Task<Ok<OrderPayload[]>> ListPendingAsync(HttpContext http, IClusterClient cluster) =>
        TypedResults.Ok(await LoadPendingAsync(cluster, AdminScope.Of(http.User)));

    public static Task<Results<Ok<OrderPayload>, ProblemHttpResult>> ApproveAsync(Guid id, HttpContext http, IClusterClient cluster) =>
        DecideAsync(id, approve: true, reason: null, http, cluster);

    public static async Task<Results<Ok<OrderPayload>, ProblemHttpResult>> RejectAsync(Guid id, RejectRequest request, HttpContext http, IClusterClient cluster) =>
        string.IsNullOrWhiteSpace(request.Reason)
            ? Problems.Invalid("reason", "Ange varför beställningen avslås.")
            : await DecideAsync(id, approve: false, request.Reason, http, cluster);

    public static async Task<OrderPayload[]> LoadPendingAsync(IClusterClient cluster, AdminScope scope) =>
        [.. (await cluster.GetGrain<IApprovalQueueGrain>(scope.CompanyId).GetPendingAsync()).Where(scope.Includes).Select(OrderPayload.Of)];

    /// <summary>Decides an order in the admin's scope; the same call serves the API and the Attestering page.</summary>
    public static async Task<Results<Ok<OrderPayload>, ProblemHttpResult>> DecideAsync(
        Guid id, bool approve, string? reason, HttpContext http, IClusterClient cluster)
    {
        var order = cluster.GetGrain<IOrderGrain>(id);
        if (await order.GetAsync() is not { } current || !AdminScope.Of(http.User).Includes(current))
        {
            return Problems.NotFound("Beställningen");
        }

        var decided = await order.DecideAsync(new OrderDecision(approve, http.User.GetUserId(), http.User.Identity!.Name!, reason));
        return decided.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Ok(OrderPayload.Of(decided.Value!));
    }
}
