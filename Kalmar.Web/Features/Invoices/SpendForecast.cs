using Kalmar.Contracts.Domain;

namespace Kalmar.Web.Features.Invoices;

/// <summary>
/// Where a department's spend of the open month is heading. The pace (spent so far ÷ Swedish working days elapsed ×
/// working days in the month) is blended with the average of the last 3 months, weighted by how much of the month's
/// working days has passed: early in the month history counts most, late the month's own pace. A forecast more than
/// <see cref="WarningMargin"/> above the average of the last 6 months is a warning.
/// </summary>
public static class SpendForecast
{
    public const decimal WarningMargin = 1.25m;

    /// <param name="spentOre">This month's spend so far.</param>
    /// <param name="today">Today in Stockholm, a day of the month forecast.</param>
    /// <param name="earlierMonthsOre">The spend of the months before, newest first (only months the company had).</param>
    public static DepartmentForecast For(long spentOre, DateOnly today, IReadOnlyList<long> earlierMonthsOre)
    {
        var workingDays = SwedishWorkingDays.Count(today.Year, today.Month);
        var elapsed = SwedishWorkingDays.Count(today.Year, today.Month, today);
        var pace = elapsed == 0 ? spentOre : (decimal)spentOre / elapsed * workingDays;
        var recent = Average(earlierMonthsOre.Take(3));
        var weight = workingDays == 0 ? 1m : (decimal)elapsed / workingDays;
        var forecast = recent is { } average ? (weight * pace) + ((1 - weight) * average) : pace;
        var forecastOre = Math.Max(spentOre, (long)Math.Round(forecast, MidpointRounding.AwayFromZero));
        var usual = Average(earlierMonthsOre.Take(6)) is { } six ? (long)Math.Round(six, MidpointRounding.AwayFromZero) : (long?)null;
        return new DepartmentForecast(spentOre, forecastOre, usual, usual > 0 && forecastOre > usual * WarningMargin);
    }

    private static decimal? Average(IEnumerable<long> months)
    {
        var taken = months.ToList();
        return taken.Count == 0 ? null : (decimal)taken.Sum() / taken.Count;
    }
}
