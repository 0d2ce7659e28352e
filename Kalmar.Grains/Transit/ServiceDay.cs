namespace Kalmar.Grains.Transit;

/// <summary>Turns GTFS seconds into instants: GTFS counts from noon minus 12 hours, which is midnight except on the nights the clocks change.</summary>
internal static class ServiceDay
{
    public static DateTimeOffset Start(DateOnly date, TimeZoneInfo zone)
    {
        var noon = date.ToDateTime(new TimeOnly(12, 0));
        return new DateTimeOffset(noon, zone.GetUtcOffset(noon)).AddHours(-12);
    }

    public static DateTimeOffset At(DateTimeOffset start, int seconds, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(start.AddSeconds(seconds), zone);
}
