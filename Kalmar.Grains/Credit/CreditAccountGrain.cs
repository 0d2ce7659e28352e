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
    public const string MonthReminder = "credit-month";
    private const string LedgerReminder = "ledger-outbox";

    /// <summary>
    /// Only a safety net: each tick re-registers for the next month start. A tick missed while no silo owned the
    /// reminder is not fired late but at the next whole period after it, so the period bounds how late the push can be.
    /// </summary>
    private static readonly TimeSpan MonthReminderPeriod = TimeSpan.FromHours(1);

    private Guid TravellerId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => await WriteLedgerAsync();

    public Task<CreditView> GetAsync() => Task.FromResult(View());

    public async Task<CreditView> SetLimitAsync(bool enabled, long monthlyLimitOre)
    {
        StartMonthIfNew();
        state.State.Enabled = enabled;
        state.State.LimitOre = Math.Max(0, monthlyLimitOre);
        await state.WriteStateAsync();
        if (enabled)
        {
            await RegisterMonthReminderAsync();
        }
        else
        {
            await UnregisterReminderAsync(MonthReminder);
        }

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

    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName switch
    {
        MonthReminder => StartMonthOnTimeAsync(),
        LedgerReminder => WriteLedgerAsync(),
        _ => Task.CompletedTask,
    };

    /// <summary>At 00:00 on the 1st, pushes the new month's whole credit, so open pages stop showing last month's.</summary>
    private async Task StartMonthOnTimeAsync()
    {
        if (!state.State.Enabled)
        {
            await UnregisterReminderAsync(MonthReminder);
            return;
        }

        if (StartMonthIfNew())
        {
            await state.WriteStateAsync();
            LogMonthStarted(TravellerId, state.State.Month);
            await PublishAsync();
        }

        await RegisterMonthReminderAsync();
    }

    private async Task RegisterMonthReminderAsync()
    {
        // Reminders run on real time: a tick can come a moment early, or long before a test's fake business clock turns
        // the month. A second is the floor, because Orleans treats a due time of a few milliseconds as a whole period.
        var now = time.GetUtcNow();
        var untilMonthStart = Stockholm.NextMonthStart(now) - now;
        var dueTime = untilMonthStart > TimeSpan.FromSeconds(1) ? untilMonthStart : TimeSpan.FromSeconds(1);
        await this.RegisterOrUpdateReminder(MonthReminder, dueTime, MonthReminderPeriod);
    }

    private async Task UnregisterReminderAsync(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

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

        await UnregisterReminderAsync(LedgerReminder);
    }

    /// <summary>Credit is per calendar month in Sweden; unused credit does not carry over.</summary>
    /// <returns>Whether a new month started.</returns>
    private bool StartMonthIfNew()
    {
        var month = Stockholm.MonthOf(time.GetUtcNow());
        if (state.State.Month == month)
        {
            return false;
        }

        state.State.Month = month;
        state.State.UsedOre = 0;
        return true;
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Credit month {Month} started for traveller {TravellerId}")]
    private partial void LogMonthStarted(Guid travellerId, string month);
}
