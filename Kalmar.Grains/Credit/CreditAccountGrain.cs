using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Live;
using Kalmar.Contracts.Model;
using Kalmar.Grains.Infrastructure;
using Kalmar.Grains.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kalmar.Grains.Credit;

/// <summary>
/// A traveller's monthly AllPay credit. Charging is here; finishing a charge (ledger row, ticket) is in
/// <c>CreditAccountGrain.Outbox.cs</c>, and pushing the credit at each month start in <c>CreditAccountGrain.Month.cs</c>.
/// </summary>
public sealed partial class CreditAccountGrain(
    [PersistentState("credit-account")] IPersistentState<CreditAccountState> state,
    CreditLedger ledger,
    [FromKeyedServices(BusinessClock.Key)] TimeProvider time,
    ILogger<CreditAccountGrain> logger) : Grain, ICreditAccountGrain, IRemindable
{
    private Guid TravellerId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await TryFlushOutboxAsync();
        await EnsureMonthReminderAsync();
    }

    public Task<CreditView> GetAsync() => Task.FromResult(state.State.View(MonthNow()));

    public async Task<CreditView> SetLimitAsync(bool enabled, long monthlyLimitOre)
    {
        var month = MonthNow();
        state.State.StartMonth(month);
        state.State.Enabled = enabled;
        state.State.LimitOre = Math.Max(0, monthlyLimitOre);
        await state.WriteOrDropActivationAsync(this);
        await (enabled ? RegisterMonthReminderAsync() : this.UnregisterReminderAsync(MonthReminder));
        await PublishAsync();
        return state.State.View(month);
    }

    public async Task<ChargeReceipt?> FindReceiptAsync(string idempotencyKey)
    {
        if (!state.State.Receipts.TryGetValue(idempotencyKey, out var receipt))
        {
            return null;
        }

        await FlushOutboxAsync(); // a charge is answered only once the ticket it paid for is in the wallet
        return receipt;
    }

    public async Task<Outcome<ChargeReceipt>> ChargeAsync(CreditCharge charge)
    {
        if (await FindReceiptAsync(charge.IdempotencyKey) is { } earlier)
        {
            return Outcome<ChargeReceipt>.Success(earlier);
        }

        // One reading of the clock, so a charge at midnight on the 1st belongs wholly to one month.
        var now = time.GetUtcNow();
        var month = Stockholm.MonthOf(now);
        state.State.StartMonth(month);
        var credit = state.State.View(month);
        if (!credit.Enabled)
        {
            return Rejection.Of("business-travel-not-granted", "Du har inte behörighet att köpa tjänsteresor. Kontakta din administratör.");
        }

        if (charge.Price.TotalOre > credit.RemainingOre)
        {
            return Rejection.Of(RejectionCodes.InsufficientCredit,
                $"Krediten räcker inte: {Money.ToKronor(charge.Price.TotalOre)} men {Money.ToKronor(credit.RemainingOre)} kvar denna månad.");
        }

        // Registered before the charge is written, so that a silo dying right after the write still gets its outbox finished.
        await EnsureOutboxReminderAsync();
        state.State.UsedOre += charge.Price.TotalOre;
        var receipt = new ChargeReceipt(Guid.NewGuid(), now, state.State.View(month), charge.Ticket);
        state.State.Receipts[charge.IdempotencyKey] = receipt;
        state.State.UnwrittenLedger.Add(new LedgerEntry(
            receipt.ChargeId, TravellerId, charge.CompanyId, charge.DepartmentId, month, now,
            $"{charge.ProductName}, {charge.CategoryName}", charge.Zones, charge.Purpose, charge.Price.ExclVatOre,
            charge.Price.VatOre, charge.Price.TotalOre, charge.IdempotencyKey));
        if (charge.Ticket is { } ticket)
        {
            state.State.UnissuedTickets.Add(ticket);
        }

        // The charge with its ledger row and ticket, durable together before it is acknowledged.
        await state.WriteOrDropActivationAsync(this);
        await PublishAsync();
        await FlushOutboxAsync();
        return Outcome<ChargeReceipt>.Success(receipt);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName switch
    {
        MonthReminder => StartMonthOnTimeAsync(),
        OutboxReminder or LegacyLedgerReminder => RetryOutboxAsync(reminderName),
        _ => Task.CompletedTask,
    };

    private string MonthNow() => Stockholm.MonthOf(time.GetUtcNow());

    private Task PublishAsync() => GrainFactory.PublishLiveAsync(
        LiveEvent.ToUser(new CreditChanged(state.State.View(MonthNow())), TravellerId));
}
