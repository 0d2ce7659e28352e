using Kalmar.Grains.Abstractions;
using Kalmar.Grains.Contracts;
using Kalmar.Grains.Live;
using Kalmar.Grains.Payloads;

namespace Kalmar.Grains.Ordering;

public sealed class OrderGrain(
    [PersistentState("order")] IPersistentState<OrderState> state,
    TimeProvider time) : Grain, IOrderGrain
{
    public const string AlreadyDecided = "already-decided";

    public async Task<OrderView> SubmitAsync(OrderSubmission submission)
    {
        if (state.State.Order is null)
        {
            state.State.Order = new OrderView(this.GetPrimaryKey(), submission, OrderStatus.Pending, null, null, null);
            await state.WriteStateAsync();
        }

        if (state.State.Order.Status == OrderStatus.Pending)
        {
            await Queue.EnqueueAsync(state.State.Order);
        }

        return state.State.Order;
    }

    public Task<OrderView?> GetAsync() => Task.FromResult(state.State.Order);

    public async Task<Outcome<OrderView>> DecideAsync(OrderDecision decision)
    {
        if (state.State.Order is not { } order)
        {
            return Rejection.Of("not-found", "Beställningen finns inte.");
        }

        if (order.Status != OrderStatus.Pending)
        {
            var verb = order.Status == OrderStatus.Approved ? "godkänd" : "avslagen";
            return Rejection.Of(AlreadyDecided,
                $"Beställningen är redan {verb} av {order.DecidedBy} {order.DecidedAt:yyyy-MM-dd HH:mm}.");
        }

        if (!decision.Approve && string.IsNullOrWhiteSpace(decision.Reason))
        {
            return Rejection.Field("reason", "Ange varför beställningen avslås.");
        }

        state.State.Order = order with
        {
            Status = decision.Approve ? OrderStatus.Approved : OrderStatus.Rejected,
            DecidedAt = time.GetUtcNow(),
            DecidedBy = decision.AdminName,
            Reason = decision.Approve ? null : decision.Reason!.Trim(),
        };
        await state.WriteStateAsync();

        var decided = state.State.Order;
        await Queue.RemoveAsync(decided.Id);
        await GrainFactory.PublishLiveAsync(LiveEvent.ToUser(
            LiveEvents.OrderStatusChanged,
            new OrderStatusChangedPayload(decided.Id, OrderPayload.StatusName(decided.Status), decided.Reason, decided.DecidedBy, decided.DecidedAt),
            decided.Submission.TravellerId));
        return Outcome<OrderView>.Success(decided);
    }

    private IApprovalQueueGrain Queue => GrainFactory.GetGrain<IApprovalQueueGrain>(state.State.Order!.Submission.CompanyId);
}
