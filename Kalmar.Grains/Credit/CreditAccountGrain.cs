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
    private const string OutboxReminder = "charge-outbox";
    private static readonly TimeSpan OutboxRetryPeriod = TimeSpan.FromMinutes(1);

    private IGrainReminder? _outboxReminder;

    /// <summary>
    /// Only a safety net: each tick re-registers for the next month start. A tick missed while no silo owned the
    /// reminder is not fired late but at the next whole period after it, so the period bounds how late the push can be.
    /// </summary>
    private static readonly TimeSpan MonthReminderPeriod = TimeSpan.FromHours(1);

    private Guid TravellerId => this.GetPrimaryKey();

    /// <summary>A silo that died after writing a charge may have left its ledger row or ticket in the outbox.</summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken) => TryFlushOutboxAsync();

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
            // A retry is answered only once the ticket it paid for is in the wallet.
            await FlushOutboxAsync();
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

        // Registered before the charge is written, so that a silo dying right after the write still gets its outbox finished.
        await EnsureOutboxReminderAsync();
        var now = time.GetUtcNow();
        state.State.UsedOre += charge.Price.TotalOre;
        var receipt = new ChargeReceipt(Guid.NewGuid(), now, View(), charge.Ticket);
        state.State.Receipts[charge.IdempotencyKey] = receipt;
        state.State.UnwrittenLedger.Add(new LedgerEntry(
            receipt.ChargeId, TravellerId, charge.CompanyId, charge.DepartmentId, state.State.Month, now,
            $"{charge.ProductName}, {charge.CategoryName}", charge.Zones, charge.Purpose, charge.Price.ExclVatOre,
            charge.Price.VatOre, charge.Price.TotalOre, charge.IdempotencyKey));
        if (charge.Ticket is { } ticket)
        {
            state.State.UnissuedTickets.Add(ticket);
        }

        await state.WriteStateAsync();   // the charge with its ledger row and ticket, durable together before it is acknowledged
        await PublishAsync();
        await FlushOutboxAsync();
        return Outcome<ChargeReceipt>.Success(receipt);
    }

    /// <summary>The month reminder, or the outbox's (by any earlier name too), which goes once the outbox is empty.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == MonthReminder)
        {
            await StartMonthOnTimeAsync();
        }
        else if (await TryFlushOutboxAsync())
        {
            await UnregisterReminderAsync(reminderName);
            _outboxReminder = null;
        }
    }

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

    /// <summary>
    /// Moves the outbox's deductions into the ledger table and its tickets into the traveller's wallet (both
    /// idempotent by id), then saves the emptied outbox. A ledger failure waits for the reminder; a ticket
    /// failure is thrown, so that no caller is told of a purchase whose ticket is not yet there.
    /// </summary>
    private async Task FlushOutboxAsync()
    {
        var emptied = await TryWriteLedgerAsync();
        if (state.State.UnissuedTickets.Count > 0)
        {
            await GrainFactory.GetGrain<IUserGrain>(TravellerId).IssueTicketsAsync([.. state.State.UnissuedTickets]);
            state.State.UnissuedTickets.Clear();
            emptied = true;
        }

        if (emptied)
        {
            await state.WriteStateAsync();
        }
    }

    /// <summary>Whether the outbox is empty now; what could not be done waits for the reminder.</summary>
    private async Task<bool> TryFlushOutboxAsync()
    {
        try
        {
            await FlushOutboxAsync();
        }
        catch (Exception exception)
        {
            LogOutboxFlushFailed(exception, TravellerId);
        }

        return state.State is { UnwrittenLedger.Count: 0, UnissuedTickets.Count: 0 };
    }

    private async Task<bool> TryWriteLedgerAsync()
    {
        if (state.State.UnwrittenLedger.Count == 0)
        {
            return false;
        }

        try
        {
            await ledger.UpsertAsync(state.State.UnwrittenLedger);
            state.State.UnwrittenLedger.Clear();
            return true;
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException)
        {
            LogLedgerWriteFailed(exception, TravellerId);
            return false;
        }
    }

    /// <summary>Kept while the grain is active and dropped by the first tick that finds the outbox empty, so a stream of charges registers it once.</summary>
    private async Task EnsureOutboxReminderAsync() =>
        _outboxReminder ??= await this.RegisterOrUpdateReminder(OutboxReminder, OutboxRetryPeriod, OutboxRetryPeriod);

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
            LiveEvents.CreditChanged, new { credit.Month, credit.Enabled, credit.LimitOre, credit.UsedOre, credit.RemainingOre }, TravellerId));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the ledger of traveller {TravellerId}; a reminder retries")]
    private partial void LogLedgerWriteFailed(Exception exception, Guid travellerId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Credit month {Month} started for traveller {TravellerId}")]
    private partial void LogMonthStarted(Guid travellerId, string month);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not finish the charge outbox of traveller {TravellerId}; a reminder retries")]
    private partial void LogOutboxFlushFailed(Exception exception, Guid travellerId);
}
