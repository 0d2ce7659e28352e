using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Approvals;
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

    public static async Task<Ok<OrderPayload[]>> ListPendingAsync(HttpContext http, ApprovalsService approvals) =>
        TypedResults.Ok((await approvals.ListPendingAsync(AdminScope.Of(http.User))).Select(OrderPayload.Of).ToArray());

    public static Task<Results<Ok<OrderPayload>, ProblemHttpResult>> ApproveAsync(Guid id, HttpContext http, ApprovalsService approvals) =>
        DecideAsync(id, approve: true, reason: null, http, approvals);

    public static Task<Results<Ok<OrderPayload>, ProblemHttpResult>> RejectAsync(Guid id, RejectRequest request, HttpContext http, ApprovalsService approvals) =>
        DecideAsync(id, approve: false, request.Reason, http, approvals);

    private static async Task<Results<Ok<OrderPayload>, ProblemHttpResult>> DecideAsync(
        Guid id, bool approve, string? reason, HttpContext http, ApprovalsService approvals)
    {
        var decision = new OrderDecision(approve, http.User.GetUserId(), http.User.Identity!.Name!, reason);
        var decided = await approvals.DecideAsync(AdminScope.Of(http.User), id, decision);
        return decided.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Ok(OrderPayload.Of(decided.Value!));
    }
}
