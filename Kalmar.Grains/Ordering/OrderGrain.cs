using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Hosting;
using Kalmar.Contracts.Live;
using Kalmar.Contracts.Model;
using Kalmar.Grains.Fares;
using Kalmar.Grains.Infrastructure;
using Kalmar.Grains.Live;
using Kalmar.Grains.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kalmar.Grains.Ordering;

public sealed partial class OrderGrain(
    [PersistentState("order")] IPersistentState<OrderState> state,
    PriceTable prices,
    INotificationOutbox outbox,
    IOptions<ApprovalOptions> options,
    IOptions<PortalOptions> portal,
    [FromKeyedServices(BusinessClock.Key)] TimeProvider time,
    ILogger<OrderGrain> logger) : Grain, IOrderGrain, IRemindable
{
    private const string DecisionEffectsReminder = "decision-effects";
    private const string WaitingReminder = "waiting-too-long";

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
            await state.WriteOrDropActivationAsync(this);
        }

        if (state.State.Order.Status == OrderStatus.Pending)
        {
            // Every step is idempotent: the cart repeats this call until it has succeeded once.
            await Queue.EnqueueAsync(state.State.Order);
            var order = state.State.Order;
            await outbox.EnqueueAsync([.. (await AdminsAsync(departmentAdminsOnly: false)).Select(admin => NotificationTemplates.OrderWaiting(
                order.Id, admin.Email, submission.TravellerName, submission.DepartmentName, order.Total.TotalOre, portal.Value.ApprovalPage))]);
            await this.RegisterOrUpdateReminder(WaitingReminder, options.Value.RemindAfter, options.Value.RemindAfter);
        }

        return state.State.Order;
    }

    public Task<OrderView?> GetAsync() => Task.FromResult(state.State.Order);

    public async Task<Outcome<OrderView>> DecideAsync(OrderDecision decision)
    {
        if (state.State.Order is not { } order)
        {
            return Rejection.Of(RejectionCodes.NotFound, "Beställningen finns inte.");
        }

        if (order.Status != OrderStatus.Pending)
        {
            var verb = order.Status == OrderStatus.Approved ? "godkänd" : "avslagen";
            return Rejection.Of(RejectionCodes.AlreadyDecided, $"Beställningen är redan {verb} av {order.DecidedBy} {Stockholm.Format(order.DecidedAt!.Value)}.");
        }

        // Separation of duties: the order waits for another admin (and escalates to the company admins as any does).
        if (decision.AdminId == order.Submission.TravellerId)
        {
            return Rejection.Of(RejectionCodes.OwnOrder, "Du kan inte besluta om din egen beställning. En annan administratör attesterar den.");
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
        state.State.DecisionEffectsPending = true;
        await state.WriteOrDropActivationAsync(this); // the decision: one durable write, and the push leaves right after it
        var decided = state.State.Order;
        await GrainFactory.PublishLiveAsync(LiveEvent.ToUser(new OrderStatusChanged(decided), decided.Submission.TravellerId));
        // The queue and the tickets before the answer, so the admin's next read shows the decision; the rest follows.
        await Queue.RemoveAsync(decided.Id);
        await IssueTicketsAsync(decided);
        FinishDecisionAsync().Ignore();
        return Outcome<OrderView>.Success(decided);
    }

    /// <summary>
    /// The decision's slower effects, after the answer. A reminder retries them should they fail; should the silo die
    /// before it is registered, the next activation or the waiting reminder's next tick finishes them.
    /// </summary>
    private async Task FinishDecisionAsync()
    {
        try
        {
            await this.RegisterOrUpdateReminder(DecisionEffectsReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            await RunDecisionEffectsAsync();
        }
        catch (Exception exception)
        {
            LogDecisionEffectsFailed(exception, state.State.Order!.Id);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName switch
    {
        DecisionEffectsReminder => RunDecisionEffectsAsync(),
        WaitingReminder => RemindOfWaitingAsync(),
        _ => Task.CompletedTask,
    };

    /// <summary>
    /// A stuck order: remind the department's admins on every tick, and once it has waited past
    /// <see cref="ApprovalOptions.EscalateAfter"/>, tell the company admins too.
    /// </summary>
    private async Task RemindOfWaitingAsync()
    {
        if (state.State.Order is not { Status: OrderStatus.Pending } order)
        {
            await RunDecisionEffectsAsync(); // a decided order whose effects a crash left unfinished
            return;
        }

        var submission = order.Submission;
        var round = state.State.RemindersSent + 1;
        List<OutgoingMessage> messages =
        [
            .. (await AdminsAsync(departmentAdminsOnly: true)).Select(admin => NotificationTemplates.ApprovalReminder(
                order.Id, admin.Email, submission.TravellerName, submission.DepartmentName, order.Total.TotalOre,
                submission.SubmittedAt, portal.Value.ApprovalPage, round)),
        ];
        var escalate = !state.State.Escalated && time.GetUtcNow() - submission.SubmittedAt >= options.Value.EscalateAfter;
        if (escalate)
        {
            messages.AddRange((await CompanyAdminsAsync()).Select(admin => NotificationTemplates.ApprovalEscalated(
                order.Id, admin.Email, submission.TravellerName, submission.DepartmentName, order.Total.TotalOre,
                submission.SubmittedAt, portal.Value.ApprovalPage)));
        }

        await outbox.EnqueueAsync(messages);
        state.State.RemindersSent = round;
        state.State.Escalated |= escalate;
        await state.WriteOrDropActivationAsync(this);
    }

    /// <summary>Each step is idempotent, so running them again after a crash repeats nothing.</summary>
    private async Task RunDecisionEffectsAsync()
    {
        var order = state.State.Order!;
        if (state.State.DecisionEffectsPending)
        {
            await Queue.RemoveAsync(order.Id);
            await IssueTicketsAsync(order);
            await NotifyTravellerAsync(order);
            state.State.DecisionEffectsPending = false;
            await state.WriteOrDropActivationAsync(this);
        }

        // A decision whose write failed leaves its effects reminder on an order still pending, which must keep reminding.
        if (order.Status != OrderStatus.Pending)
        {
            await this.UnregisterReminderAsync(WaitingReminder);
        }

        await this.UnregisterReminderAsync(DecisionEffectsReminder);
    }

    private async Task IssueTicketsAsync(OrderView order)
    {
        if (order.Status == OrderStatus.Approved)
        {
            await GrainFactory.GetGrain<IUserGrain>(order.Submission.TravellerId).IssueTicketsAsync(TicketsOf(order));
        }
    }

    private async Task NotifyTravellerAsync(OrderView order)
    {
        var submission = order.Submission;
        var notify = (await GrainFactory.GetGrain<IUserGrain>(submission.TravellerId).GetAsync())?.Notify ?? new NotificationChoice(Email: true, Sms: false);
        await outbox.EnqueueAsync(NotificationTemplates.OrderDecided(
            order.Id, submission.TravellerEmail, submission.TravellerMobile, notify.Email, notify.Sms,
            order.Status == OrderStatus.Approved, order.Reason, order.DecidedBy!,
            NotificationTemplates.DescribeLines(submission.Lines), order.Total.TotalOre));
    }

    /// <summary>The admins in the order's scope: its department's, and unless told otherwise the company's.</summary>
    private async Task<IEnumerable<CompanyMember>> AdminsAsync(bool departmentAdminsOnly)
    {
        var submission = state.State.Order!.Submission;
        var members = await GrainFactory.GetGrain<ICompanyGrain>(submission.CompanyId).GetMembersAsync();
        var departmentAdmins = members.Where(member => member.AdministeredDepartmentIds.Contains(submission.DepartmentId)).ToList();
        return departmentAdminsOnly && departmentAdmins.Count > 0
            ? departmentAdmins
            : members.Where(member => member.Administers(submission.DepartmentId));
    }

    private async Task<IEnumerable<CompanyMember>> CompanyAdminsAsync() =>
        (await GrainFactory.GetGrain<ICompanyGrain>(state.State.Order!.Submission.CompanyId).GetMembersAsync()).Where(member => member.IsCompanyAdmin);

    /// <summary>One ticket per order line (same id, so issuing twice adds nothing), valid from the approval.</summary>
    private IReadOnlyList<Ticket> TicketsOf(OrderView order) =>
    [
        .. order.Submission.Lines.Select(line => new Ticket(
            line.Id, line.ProductName, line.CategoryName, line.Zones, line.Carrier, line.Price.TotalOre,
            order.DecidedAt!.Value, order.DecidedAt.Value,
            order.DecidedAt.Value.AddMinutes(prices.Products.First(product => product.Id == line.ProductId).ValidityMinutes),
            Ticket.StaffOffer, Purpose: null)),
    ];

    [LoggerMessage(Level = LogLevel.Warning, Message = "The effects of the decision on order {OrderId} failed; a reminder retries them")]
    private partial void LogDecisionEffectsFailed(Exception exception, Guid orderId);

    private IApprovalQueueGrain Queue => GrainFactory.GetGrain<IApprovalQueueGrain>(state.State.Order!.Submission.CompanyId);
}
