namespace Kalmar.Tests.Fixtures;

public static class Weekdays
{
    /// <summary>The next Monday from today, as the API's YYYY-MM-DD: the shipped timetable's weekday service.</summary>
    public static string NextMonday()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var days = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(days == 0 ? 7 : days).ToString("yyyy-MM-dd");
    }
}
