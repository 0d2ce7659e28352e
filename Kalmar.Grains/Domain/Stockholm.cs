using System.Globalization;

namespace Kalmar.Grains.Domain;

/// <summary>Dates and times as Swedes read them, in Europe/Stockholm.</summary>
public static class Stockholm
{
    public static readonly TimeZoneInfo TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>The calendar month of <paramref name="instant"/> in Sweden, as <c>YYYY-MM</c>: it starts on the 1st at 00:00 local time.</summary>
    public static string MonthOf(DateTimeOffset instant) => ToLocal(instant).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>E.g. "2026-11-23 19:45".</summary>
    public static string Format(DateTimeOffset instant) => ToLocal(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
