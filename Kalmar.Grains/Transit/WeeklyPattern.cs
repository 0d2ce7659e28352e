namespace Kalmar.Grains.Transit;

/// <summary>One row of calendar.txt: the weekdays a service runs between two dates, both included.</summary>
internal sealed record WeeklyPattern(IReadOnlySet<DayOfWeek> Days, DateOnly Start, DateOnly End)
{
    public bool Covers(DateOnly date) => date >= Start && date <= End && Days.Contains(date.DayOfWeek);
}
