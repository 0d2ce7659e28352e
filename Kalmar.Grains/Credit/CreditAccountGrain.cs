using Kalmar.Grains.Abstractions;
using Kalmar.Grains.Contracts;
using Kalmar.Grains.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Kalmar.Grains.Domain;
using Kalmar.Grains.Live;
using Microsoft.Extensions.Logging;

namespace Kalmar.Grains.Credit;

public sealed partial class CreditAccountGrain(
    [PersistentState("credit-account")] IPersistentState<CreditAccountState> state,
    CreditLedger ledger,
    [FromKeyedServices(BusinessClock.Key)] TimeProvider time,
    ILogger<CreditAccountGrain> logger) : Grain, ICreditAccountGrain, IRemindable
{
    public const string InsufficientCredit = "insufficient-credit";
    private const string LedgerReminder = "ledger-outbox";

    private Guid TravellerId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => await WriteLedgerAsync();

    public Task<CreditView> GetAsync() => Task.FromResult(View());

    public async Task<CreditView> SetLimitAsync(bool enabled, long monthlyLimitOre)
    {
        StartMonthIfNew();
        state.State.Enabled = enabled;
        state.State.LimitOre = Math.Max(0, monthlyLimitOre);
        await state.WriteStateAsync();
        await PublishAsync();
        return View();
    }

    public async Task<Outcome<ChargeReceipt>> ChargeAsync(CreditCharge charge)
    {
        if (state.State.Receipts.TryGetValue(charge.IdempotencyKey, out var earlier))
        {
            return Outcome<ChargeReceipt>.Success(earlier);
        }

        StartMonthIfNew();
        var credit = View();
        if (!credit.Enabled)
        {
            return Rejection.Of("business-travel-not-granted", "Du har inte behörighet att köpa tjänsteresor. Kontakta din administratör.");
        }

        if (charge.Price.TotalOre > credit.RemainingOre)
        {
            return Rejection.Of(InsufficientCredit,
                $"Krediten räcker inte: {Money.ToKronor(charge.Price.TotalOre)} men {Money.ToKronor(credit.RemainingOre)} kvar denna månad.");
        }

        var now = time.GetUtcNow();
        state.State.UsedOre += charge.Price.TotalOre;
        var receipt = new ChargeReceipt(Guid.NewGuid(), now, View());
        state.State.Receipts[charge.IdempotencyKey] = receipt;
        state.State.UnwrittenLedger.Add(new LedgerEntry(
            receipt.ChargeId, TravellerId, charge.CompanyId, charge.DepartmentId, state.State.Month, now,
            $"{charge.ProductName}, {charge.CategoryName}", charge.Zones, charge.Purpose, charge.Price.ExclVatOre,
            charge.Price.VatOre, charge.Price.TotalOre, charge.IdempotencyKey));
        await state.WriteStateAsync();   // durable before it is acknowledged
        await WriteLedgerAsync();
        await PublishAsync();
        return Outcome<ChargeReceipt>.Success(receipt);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => WriteLedgerAsync();

    /// <summary>Moves deductions from the state's outbox into the ledger table; on failure a reminder tries again.</summary>
    private async Task WriteLedgerAsync()
    {
        if (state.State.UnwrittenLedger.Count > 0)
        {
            try
            {
                await ledger.UpsertAsync(state.State.UnwrittenLedger);
                state.State.UnwrittenLedger.Clear();
                await state.WriteStateAsync();
            }
            catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException)
            {
                LogLedgerWriteFailed(exception, TravellerId);
                await this.RegisterOrUpdateReminder(LedgerReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
                return;
            }
        }

        if (await this.GetReminder(LedgerReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>Credit is per calendar month in Sweden; unused credit does not carry over.</summary>
    private void StartMonthIfNew()
    {
        var month = Stockholm.MonthOf(time.GetUtcNow());
        if (state.State.Month != month)
        {
            state.State.Month = month;
            state.State.UsedOre = 0;
        }
    }

    private CreditView View()
    {
        var month = Stockholm.MonthOf(time.GetUtcNow());
        var used = state.State.Month == month ? state.State.UsedOre : 0;
        return new CreditView(month, state.State.Enabled, state.State.LimitOre, used);
    }

    private Task PublishAsync()
    {
        var credit = View();
        return GrainFactory.PublishLiveAsync(LiveEvent.ToUser(
            LiveEvents.CreditChanged, new { credit.Month, credit.LimitOre, credit.UsedOre, credit.RemainingOre }, TravellerId));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the ledger of traveller {TravellerId}; a reminder retries")]
    private partial void LogLedgerWriteFailed(Exception exception, Guid travellerId);
}
