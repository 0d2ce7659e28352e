using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Live;
using Kalmar.Contracts.Model;
using Kalmar.Grains.Infrastructure;
using Kalmar.Grains.Live;

namespace Kalmar.Grains.Ordering;

public sealed class ApprovalQueueGrain(
    [PersistentState("approval-queue")] IPersistentState<ApprovalQueueState> state, ApprovalQueueSizes sizes)
    : Grain, IApprovalQueueGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken) => RecordSizeAsync();

    public async Task EnqueueAsync(OrderView order)
    {
        if (state.State.Pending.Any(pending => pending.Id == order.Id))
        {
            return;
        }

        state.State.Pending.Add(order);
        await state.WriteOrDropActivationAsync(this);
        await PublishAsync(order, new ApprovalQueueChanged([order], []));
        await RecordSizeAsync();
    }

    public async Task RemoveAsync(Guid orderId)
    {
        if (state.State.Pending.Find(pending => pending.Id == orderId) is not { } order)
        {
            return;
        }

        // The push first: the order is decided already, and the admins should not wait for the queue's own write.
        await PublishAsync(order, new ApprovalQueueChanged([], [orderId]));
        state.State.Pending.Remove(order);
        await state.WriteOrDropActivationAsync(this);
        await RecordSizeAsync();
    }

    public async Task MoveAsync(OrderView order)
    {
        var index = state.State.Pending.FindIndex(pending => pending.Id == order.Id);
        if (index < 0 || state.State.Pending[index] == order)
        {
            return;
        }

        var previous = state.State.Pending[index];
        state.State.Pending[index] = order;
        await state.WriteOrDropActivationAsync(this);
        await PublishAsync(previous, new ApprovalQueueChanged([], [order.Id]));
        await PublishAsync(order, new ApprovalQueueChanged([order], []));
    }

    public Task<IReadOnlyList<OrderView>> GetPendingAsync() =>
        Task.FromResult<IReadOnlyList<OrderView>>([.. state.State.Pending.OrderBy(order => order.Submission.SubmittedAt)]);

    /// <summary>The queue's size for the operations metrics; the orders' own state is what counts, so this follows it.</summary>
    private Task RecordSizeAsync() =>
        sizes.RecordAsync(
            this.GetPrimaryKey(),
            state.State.Pending.Count,
            state.State.Pending.Count == 0 ? null : state.State.Pending.Min(order => order.Submission.SubmittedAt));

    private Task PublishAsync(OrderView order, ApprovalQueueChanged change) =>
        GrainFactory.PublishLiveAsync(LiveEvent.ToGroups(
            change,
            [LiveAddress.CompanyAdmins(order.Submission.CompanyId), LiveAddress.DepartmentAdmins(order.Submission.DepartmentId)]));
}
