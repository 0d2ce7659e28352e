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

    /// <summary>The calendar day of <paramref name="instant"/> in Sweden.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>
    /// The same local clock time <paramref name="days"/> calendar days on, with the offset in force then: a day across
    /// a change to or from summer time has 23 or 25 hours. (A clock time the change skips gets the standard offset.)
    /// </summary>
    public static DateTimeOffset AddDays(DateTimeOffset instant, int days)
    {
        var local = ToLocal(instant).DateTime.AddDays(days);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }

    /// <summary>
    /// Reads an ISO 8601 date and time; one without an offset (<c>2026-12-02T17:00</c>) is Stockholm time, as a
    /// Swede means it.
    /// </summary>
    public static bool TryParseDateTime(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) || !text!.Contains('T', StringComparison.Ordinal))
        {
            return false;
        }

        instant = parsed.Kind == DateTimeKind.Unspecified
            ? new DateTimeOffset(parsed, TimeZone.GetUtcOffset(parsed))
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>A credit month as Swedes say it: <c>2026-11</c> → <c>november 2026</c>.</summary>
    public static string MonthName(string month) =>
        DateTime.ParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture).ToString("MMMM yyyy", CultureInfo.GetCultureInfo("sv-SE"));

    /// <summary>E.g. "2026-11-23 19:45".</summary>
    public static string Format(DateTimeOffset instant) => ToLocal(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
