using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Hosting;
using Kalmar.Contracts.Live;
using Kalmar.Contracts.Model;
using Kalmar.Grains.Infrastructure;
using Kalmar.Grains.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Kalmar.Grains.Credit;

/// <summary>
/// A traveller's monthly AllPay credit. Reentrant, so that concurrent charges queue up while a commit is under way:
/// they are decided in arrival order and committed together (<c>CreditAccountGrain.Batch.cs</c>), each caller answered
/// after that commit. The month start's push is in <c>CreditAccountGrain.Month.cs</c>.
/// </summary>
[Reentrant]
public sealed partial class CreditAccountGrain(
    CreditAccountStore store,
    LivePublisher live,
    [FromKeyedServices(BusinessClock.Key)] TimeProvider time,
    KalmarMetrics metrics,
    ILogger<CreditAccountGrain> logger) : Grain, ICreditAccountGrain, IRemindable
{
    /// <summary>Enough for the retries of a burst of concurrent purchases; older keys are looked up in the ledger.</summary>
    private const int RecentReceiptCount = 256;

    private readonly RecentReceipts _recent = new(RecentReceiptCount);

    /// <summary>The account as last committed: memory never runs ahead of the database.</summary>
    private CreditAccount _account = CreditAccount.None;

    private Guid TravellerId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _account = await store.LoadAsync(TravellerId);
        await EnsureMonthReminderAsync();
    }

    public Task<CreditView> GetAsync() => Task.FromResult(_account.View(MonthNow()));

    public async Task<CreditView> SetLimitAsync(bool enabled, long monthlyLimitOre)
    {
        var credit = await EnqueueAsync(new PendingLimit(enabled, Math.Max(0, monthlyLimitOre)));
        await (enabled ? RegisterMonthReminderAsync() : this.UnregisterReminderAsync(MonthReminder));
        return credit;
    }

    public Task<CreditView?> RefundAsync(CreditRefund refund) => EnqueueAsync(new PendingRefund(refund));

    public async Task<ChargeReceipt?> FindReceiptAsync(string idempotencyKey) =>
        _recent.TryGet(idempotencyKey, out var receipt)
            ? receipt
            : (await store.FindReceiptsAsync(TravellerId, [idempotencyKey])).GetValueOrDefault(idempotencyKey);

    public Task<Outcome<ChargeReceipt>> ChargeAsync(CreditCharge charge) =>
        _recent.TryGet(charge.IdempotencyKey, out var earlier)
            ? Task.FromResult(Outcome<ChargeReceipt>.Success(earlier))
            : EnqueueAsync(new PendingCharge(charge));

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == MonthReminder ? StartMonthOnTimeAsync() : this.UnregisterReminderAsync(reminderName);

    private string MonthNow() => Stockholm.MonthOf(time.GetUtcNow());

    private void Publish(LiveUpdate update) => live.Publish(LiveEvent.ToUser(update, TravellerId));
}
