using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;

namespace Kalmar.Web.Features.Approvals;

/// <summary>An admin's approval queue and decisions, always within the admin's scope.</summary>
public sealed class ApprovalsService(IClusterClient cluster)
{
    public async Task<IReadOnlyList<OrderView>> ListPendingAsync(AdminScope scope) =>
        [.. (await cluster.GetGrain<IApprovalQueueGrain>(scope.CompanyId).GetPendingAsync()).Where(scope.Includes)];

    /// <summary>The order, or null when it does not exist or lies outside the scope.</summary>
    public async Task<OrderView?> FindAsync(AdminScope scope, Guid orderId) =>
        await cluster.GetGrain<IOrderGrain>(orderId).GetAsync() is { } order && scope.Includes(order) ? order : null;

    /// <summary>
    /// A missing reason is the admin's to fix whatever state the order is in, so it is checked first. The order checks the
    /// admin's reach itself (one call, not a look-up before it): outside it, the order does not exist for them.
    /// </summary>
    public async Task<Outcome<OrderView>> DecideAsync(AdminScope scope, Guid orderId, OrderDecision decision) =>
        !decision.Approve && string.IsNullOrWhiteSpace(decision.Reason)
            ? Rejection.Field("reason", "Ange varför beställningen avslås.")
            : await cluster.GetGrain<IOrderGrain>(orderId).DecideAsync(decision with { Reach = scope.Reach });
}
