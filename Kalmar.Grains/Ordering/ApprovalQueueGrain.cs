using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Live;
using Kalmar.Contracts.Model;
using Kalmar.Grains.Infrastructure;
using Kalmar.Grains.Live;

namespace Kalmar.Grains.Ordering;

/// <summary>
/// A company's approval queue: its pending orders live in <see cref="PendingOrders"/> (one row each), and this grain
/// writes them one at a time and tells the admins in scope of each change right after it is stored. It holds no state.
/// </summary>
public sealed class ApprovalQueueGrain(
    [PersistentState("approval-queue")] IPersistentState<ApprovalQueueState> earlierState, PendingOrders pending, LivePublisher live)
    : Grain, IApprovalQueueGrain
{
    private Guid CompanyId => this.GetPrimaryKey();

    /// <summary>
    /// A queue stored the earlier way (its orders in the grain's state) moves them into the table, then empties that state:
    /// added first, so a crash in between only adds them again, which changes nothing.
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (earlierState.State.Pending.Count > 0)
        {
            foreach (var order in earlierState.State.Pending)
            {
                await pending.AddAsync(order);
            }

            earlierState.State.Pending.Clear();
            await earlierState.WriteOrDropActivationAsync(this);
        }
    }

    public async Task EnqueueAsync(OrderView order)
    {
        if (await pending.AddAsync(order))
        {
            Publish(order, new ApprovalQueueChanged([order], []));
        }
    }

    public async Task RemoveAsync(Guid orderId)
    {
        if (await pending.RemoveAsync(CompanyId, orderId) is { } waited)
        {
            Publish(waited, new ApprovalQueueChanged([], [orderId]));
        }
    }

    public async Task MoveAsync(OrderView order)
    {
        if (await pending.ReplaceAsync(order) is { } previous)
        {
            Publish(previous, new ApprovalQueueChanged([], [order.Id]));
            Publish(order, new ApprovalQueueChanged([order], []));
        }
    }

    public Task<IReadOnlyList<OrderView>> GetPendingAsync() => pending.OfAsync(CompanyId);

    private void Publish(OrderView order, ApprovalQueueChanged change) =>
        live.Publish(LiveEvent.ToGroups(
            change,
            [LiveAddress.CompanyAdmins(order.Submission.CompanyId), LiveAddress.DepartmentAdmins(order.Submission.DepartmentId)]));
}
