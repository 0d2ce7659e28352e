using System.Globalization;

namespace Kalmar.Contracts.Domain;

/// <summary>Dates and times as Swedes read them, in Europe/Stockholm.</summary>
public static class Stockholm
{
    public static readonly TimeZoneInfo TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>The calendar month of <paramref name="instant"/> in Sweden, as <c>YYYY-MM</c>: it starts on the 1st at 00:00 local time.</summary>
    public static string MonthOf(DateTimeOffset instant) => ToLocal(instant).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>
    /// The first 00:00 on a 1st strictly after <paramref name="instant"/>, in Sweden. The offset is the one in force at
    /// that midnight, not at <paramref name="instant"/>: from March to April the month turns in summer time. (Midnight is
    /// never skipped or repeated here; the clocks change at 02:00 and 03:00.)
    /// </summary>
    public static DateTimeOffset NextMonthStart(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        var firstOfNextMonth = new DateTime(local.Year, local.Month, 1).AddMonths(1);
        return new DateTimeOffset(firstOfNextMonth, TimeZone.GetUtcOffset(firstOfNextMonth));
    }

    /// <summary>00:00 of <paramref name="day"/> in Sweden (never skipped or repeated: the clocks change at 02:00 and 03:00).</summary>
    public static DateTimeOffset StartOfDay(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, TimeZone.GetUtcOffset(midnight));
    }

    /// <summary>A credit month as Swedes say it: <c>2026-11</c> → <c>november 2026</c>.</summary>
    public static string MonthName(string month) =>
        DateTime.ParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture).ToString("MMMM yyyy", CultureInfo.GetCultureInfo("sv-SE"));

    /// <summary>E.g. "2026-11-23 19:45".</summary>
    public static string Format(DateTimeOffset instant) => ToLocal(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
