using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Hosting;
using Kalmar.Contracts.Live;
using Kalmar.Contracts.Model;
using Kalmar.Grains.Audit;
using Kalmar.Grains.Fares;
using Kalmar.Grains.Infrastructure;
using Kalmar.Grains.Invoices;
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
    AuditLog auditLog,
    InvoiceLedger invoiceLedger,
    LivePublisher live,
    IOptions<ApprovalOptions> options,
    IOptions<PortalOptions> portal,
    [FromKeyedServices(BusinessClock.Key)] TimeProvider time,
    KalmarMetrics metrics,
    ILogger<OrderGrain> logger) : Grain, IOrderGrain, IRemindable
{
    private const int MaxReasonLength = 500;
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
        if (state.State.Order is not { } order || decision.Reach?.Includes(order.Submission) == false)
        {
            return Rejection.Of(RejectionCodes.NotFound, "Beställningen finns inte.");
        }

        if (order.Status != OrderStatus.Pending)
        {
            await CompleteUnansweredDecisionAsync(order);
            return AlreadyDecided(order);
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

        if (decision.Reason?.Trim().Length > MaxReasonLength)
        {
            return Rejection.Field("reason", $"Skriv skälet med högst {MaxReasonLength} tecken.");
        }

        var decided = await CloseAsync(
            order with
            {
                Status = decision.Approve ? OrderStatus.Approved : OrderStatus.Rejected,
                DecidedAt = time.GetUtcNow(),
                DecidedBy = decision.AdminName,
                Reason = decision.Approve ? null : decision.Reason!.Trim(),
            },
            new Actor(decision.AdminId, decision.AdminName));
        metrics.Decided(decision.Approve ? "approved" : "rejected");
        return Outcome<OrderView>.Success(decided);
    }

    public async Task<Outcome<OrderView>> WithdrawAsync(Actor by, string reason)
    {
        if (state.State.Order is not { } order)
        {
            return Rejection.Of(RejectionCodes.NotFound, "Beställningen finns inte.");
        }

        if (order.Status != OrderStatus.Pending)
        {
            return AlreadyDecided(order);
        }

        var withdrawn = await CloseAsync(
            order with { Status = OrderStatus.Withdrawn, DecidedAt = time.GetUtcNow(), DecidedBy = by.Name, Reason = reason }, by);
        metrics.Decided("withdrawn");
        return Outcome<OrderView>.Success(withdrawn);
    }

    public async Task MoveAsync(Guid departmentId, string departmentName)
    {
        if (state.State.Order is not { Status: OrderStatus.Pending } order || order.Submission.DepartmentId == departmentId)
        {
            return;
        }

        state.State.Order = order with { Submission = order.Submission with { DepartmentId = departmentId, DepartmentName = departmentName } };
        await state.WriteOrDropActivationAsync(this);
        await Queue.MoveAsync(state.State.Order);
    }

    private static Rejection AlreadyDecided(OrderView order)
    {
        var verb = order.Status switch
        {
            OrderStatus.Approved => "godkänd",
            OrderStatus.Rejected => "avslagen",
            _ => "tillbakadragen",
        };
        return Rejection.Of(RejectionCodes.AlreadyDecided, $"Beställningen är redan {verb} av {order.DecidedBy} {Stockholm.Format(order.DecidedAt!.Value)}.");
    }

    /// <summary>
    /// Ends a pending order as <paramref name="closed"/> says: one durable write, the push right after it, the queue
    /// and the tickets before the answer (so the admin's next read shows the decision); the rest follows.
    /// </summary>
    private async Task<OrderView> CloseAsync(OrderView closed, Actor by)
    {
        state.State.Order = closed;
        state.State.DecidedBy = by;
        state.State.DecisionEffectsPending = true;
        await state.WriteOrDropActivationAsync(this);
        try
        {
            live.Publish(LiveEvent.ToUser(new OrderStatusChanged(closed), closed.Submission.TravellerId));
            await Queue.RemoveAsync(closed.Id);
            await IssueTicketsAsync(closed);
        }
        finally
        {
            // Also when a step failed (a silo it calls died): the decision is stored, so its effects must follow.
            FinishDecisionAsync().Ignore();
        }

        return closed;
    }

    /// <summary>
    /// A decision stored but not answered (a step after its write failed, or the caller's wait ran out) is asked again
    /// with the same command: before it is told <c>already-decided</c>, the tickets and invoice lines that answer would
    /// have waited for exist. The chaos run found an approval acknowledged so whose ticket waited for the next reminder.
    /// </summary>
    private async Task CompleteUnansweredDecisionAsync(OrderView order)
    {
        if (state.State.DecisionEffectsPending)
        {
            await Queue.RemoveAsync(order.Id);
            await IssueTicketsAsync(order);
        }
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
            await AuditAsync(order);
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

    /// <summary>The tickets, and the lines the company is invoiced for (before the admin is answered, so they reach the month they were decided in).</summary>
    private async Task IssueTicketsAsync(OrderView order)
    {
        if (order.Status == OrderStatus.Approved)
        {
            await GrainFactory.GetGrain<IUserGrain>(order.Submission.TravellerId).IssueTicketsAsync(TicketsOf(order));
            if (await invoiceLedger.RecordStaffOfferAsync(order) is { } changed)
            {
                live.Publish(changed.ToAdmins());
            }
        }
    }

    private async Task NotifyTravellerAsync(OrderView order)
    {
        var submission = order.Submission;
        if (order.Status == OrderStatus.Withdrawn)
        {
            await outbox.EnqueueAsync([NotificationTemplates.OrderWithdrawn(
                order.Id, submission.TravellerEmail, order.Reason!, NotificationTemplates.DescribeLines(submission.Lines))]);
            return;
        }

        var notify = (await GrainFactory.GetGrain<IUserGrain>(submission.TravellerId).GetAsync())?.Notify ?? new NotificationChoice(Email: true, Sms: false);
        await outbox.EnqueueAsync(NotificationTemplates.OrderDecided(
            order.Id, submission.TravellerEmail, submission.TravellerMobile, notify.Email, notify.Sms,
            order.Status == OrderStatus.Approved, order.Reason, order.DecidedBy!,
            NotificationTemplates.DescribeLines(submission.Lines), order.Total.TotalOre, order.StartNotices()));
    }

    /// <summary>An admin's decision in the audit log, on the traveller it concerns (a withdrawal is audited by what caused it).</summary>
    private Task AuditAsync(OrderView order) => order.Status is OrderStatus.Withdrawn || state.State.DecidedBy is not { } by
        ? Task.CompletedTask
        : auditLog.AppendAsync(new AuditRecord(
            order.DecidedAt!.Value, order.Submission.CompanyId, by,
            order.Status == OrderStatus.Approved ? AuditActions.OrderApproved : AuditActions.OrderRejected,
            order.Submission.TravellerId, order.Submission.TravellerName, Before: null,
            new { order = order.Id, total = Money.ToKronor(order.Total.TotalOre), reason = order.Reason },
            EventId: MessageIds.For("order-decided", order.Id)));

    /// <summary>The admins in the order's scope: its department's, and unless told otherwise the company's.</summary>
    private async Task<IEnumerable<CompanyMember>> AdminsAsync(bool departmentAdminsOnly)
    {
        var submission = state.State.Order!.Submission;
        var members = await GrainFactory.GetGrain<ICompanyGrain>(submission.CompanyId).GetAdminsAsync();
        var departmentAdmins = members.Where(member => member.AdministeredDepartmentIds.Contains(submission.DepartmentId)).ToList();
        return departmentAdminsOnly && departmentAdmins.Count > 0
            ? departmentAdmins
            : members.Where(member => member.Administers(submission.DepartmentId));
    }

    private async Task<IEnumerable<CompanyMember>> CompanyAdminsAsync() =>
        (await GrainFactory.GetGrain<ICompanyGrain>(state.State.Order!.Submission.CompanyId).GetAdminsAsync()).Where(member => member.IsCompanyAdmin);

    /// <summary>
    /// One ticket per order line (same id, so issuing twice adds nothing), valid from the start the traveller chose,
    /// or from the approval when there was no choice or the approval came after it.
    /// </summary>
    private IReadOnlyList<Ticket> TicketsOf(OrderView order) =>
    [
        .. order.Submission.Lines.Select(line =>
        {
            var approvedAt = order.DecidedAt!.Value;
            var validFrom = line.Start?.ValidFrom(approvedAt) ?? approvedAt;
            return new Ticket(
                line.Id, line.ProductName, line.CategoryName, line.Zones, line.Carrier, line.Price.TotalOre, approvedAt,
                validFrom, prices.Products.First(product => product.Id == line.ProductId).ValidTo(validFrom), Ticket.StaffOffer, Purpose: null);
        }),
    ];

    [LoggerMessage(Level = LogLevel.Warning, Message = "The effects of the decision on order {OrderId} failed; a reminder retries them")]
    private partial void LogDecisionEffectsFailed(Exception exception, Guid orderId);

    private IApprovalQueueGrain Queue => GrainFactory.GetGrain<IApprovalQueueGrain>(state.State.Order!.Submission.CompanyId);
}
