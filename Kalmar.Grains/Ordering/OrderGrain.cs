using Kalmar.Grains.Abstractions;
using Kalmar.Grains.Contracts;
using Kalmar.Grains.Domain;
using Kalmar.Grains.Fares;
using Kalmar.Grains.Live;
using Kalmar.Grains.Payloads;

namespace Kalmar.Grains.Ordering;

public sealed class OrderGrain(
    [PersistentState("order")] IPersistentState<OrderState> state,
    PriceTable prices,
    TimeProvider time) : Grain, IOrderGrain, IRemindable
{
    public const string AlreadyDecided = "already-decided";
    private const string DecisionEffectsReminder = "decision-effects";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.DecisionEffectsPending)
        {
            await RunDecisionEffectsAsync();
        }
    }

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
            return Rejection.Of(AlreadyDecided, $"Beställningen är redan {verb} av {order.DecidedBy} {Stockholm.Format(order.DecidedAt!.Value)}.");
        }

        if (!decision.Approve && string.IsNullOrWhiteSpace(decision.Reason))
        {
            return Rejection.Field("reason", "Ange varför beställningen avslås.");
        }

        // The reminder first: should the silo die after the decision is written, it finishes the effects.
        await this.RegisterOrUpdateReminder(DecisionEffectsReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        state.State.Order = order with
        {
            Status = decision.Approve ? OrderStatus.Approved : OrderStatus.Rejected,
            DecidedAt = time.GetUtcNow(),
            DecidedBy = decision.AdminName,
            Reason = decision.Approve ? null : decision.Reason!.Trim(),
        };
        state.State.DecisionEffectsPending = true;
        await state.WriteStateAsync();
        await RunDecisionEffectsAsync();
        return Outcome<OrderView>.Success(state.State.Order);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == DecisionEffectsReminder)
        {
            await RunDecisionEffectsAsync();
        }
    }

    /// <summary>Each step is idempotent, so running them again after a crash repeats nothing.</summary>
    private async Task RunDecisionEffectsAsync()
    {
        var order = state.State.Order!;
        if (state.State.DecisionEffectsPending)
        {
            await Queue.RemoveAsync(order.Id);
            if (order.Status == OrderStatus.Approved)
            {
                await GrainFactory.GetGrain<IUserGrain>(order.Submission.TravellerId).IssueTicketsAsync(TicketsOf(order));
            }

            await GrainFactory.PublishLiveAsync(LiveEvent.ToUser(
                LiveEvents.OrderStatusChanged,
                new OrderStatusChangedPayload(order.Id, OrderPayload.StatusName(order.Status), order.Reason, order.DecidedBy, order.DecidedAt),
                order.Submission.TravellerId));
            state.State.DecisionEffectsPending = false;
            await state.WriteStateAsync();
        }

        if (await this.GetReminder(DecisionEffectsReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>One ticket per order line (same id, so issuing twice adds nothing), valid from the approval.</summary>
    private IReadOnlyList<Ticket> TicketsOf(OrderView order) =>
    [
        .. order.Submission.Lines.Select(line => new Ticket(
            line.Id, line.ProductName, line.CategoryName, line.Zones, line.Carrier, line.Price.TotalOre,
            order.DecidedAt!.Value, order.DecidedAt.Value,
            order.DecidedAt.Value.AddMinutes(prices.Products.First(product => product.Id == line.ProductId).ValidityMinutes),
            Ticket.StaffOffer, Purpose: null)),
    ];

    private IApprovalQueueGrain Queue => GrainFactory.GetGrain<IApprovalQueueGrain>(state.State.Order!.Submission.CompanyId);
}
