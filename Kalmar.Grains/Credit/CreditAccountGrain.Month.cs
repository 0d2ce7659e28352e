using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Live;
using Kalmar.Grains.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Kalmar.Grains.Credit;

/// <summary>At 00:00 on the 1st the new month's whole credit is pushed, so open pages stop showing last month's.</summary>
public sealed partial class CreditAccountGrain
{
    public const string MonthReminder = "credit-month";

    /// <summary>
    /// Only a safety net: each tick re-registers for the next month start. A tick missed while no silo owned the
    /// reminder is not fired late but at the next whole period after it, so the period bounds how late the push can be.
    /// </summary>
    private static readonly TimeSpan MonthReminderPeriod = TimeSpan.FromHours(1);

    private async Task StartMonthOnTimeAsync()
    {
        if (!_account.Enabled)
        {
            await this.UnregisterReminderAsync(MonthReminder);
            return;
        }

        // The stored month stays as it is (the view starts a month lazily), so the tick writes nothing.
        if (MonthNow() is var month && _account.Month != month)
        {
            LogMonthStarted(TravellerId, month);
            Publish(new CreditChanged(_account.View(month)));
        }

        await RegisterMonthReminderAsync();
    }

    /// <summary>A grant from before the month reminder existed gets one when its account next wakes.</summary>
    private async Task EnsureMonthReminderAsync()
    {
        if (_account.Enabled && await this.GetReminder(MonthReminder) is null)
        {
            await RegisterMonthReminderAsync();
        }
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Credit month {Month} started for traveller {TravellerId}")]
    private partial void LogMonthStarted(Guid travellerId, string month);
}
