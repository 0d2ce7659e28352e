namespace Kalmar.Contracts.Domain;

/// <summary>
/// Working days in Sweden: Monday to Friday except the public holidays (helgdagar) and the eves that are days off in
/// practice (midsommarafton, julafton, nyårsafton). Easter by the Gregorian computus; the rest follow from it or the date.
/// </summary>
public static class SwedishWorkingDays
{
    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(day);

    public static bool IsHoliday(DateOnly day)
    {
        var easter = Easter(day.Year);
        return (day.Month, day.Day) is (1, 1) or (1, 6) or (5, 1) or (6, 6) or (12, 24) or (12, 25) or (12, 26) or (12, 31)
            || day == easter.AddDays(-2) || day == easter.AddDays(1) || day == easter.AddDays(39)
            || (day is { Month: 6, Day: >= 19 and <= 25, DayOfWeek: DayOfWeek.Friday });
    }

    /// <summary>The working days of <paramref name="year"/>-<paramref name="month"/> up to and including <paramref name="until"/> (all when null).</summary>
    public static int Count(int year, int month, DateOnly? until = null)
    {
        var count = 0;
        for (var day = new DateOnly(year, month, 1); day.Month == month && (until is null || day <= until); day = day.AddDays(1))
        {
            count += IsWorkingDay(day) ? 1 : 0;
        }

        return count;
    }

    /// <summary>Easter Sunday (the anonymous Gregorian algorithm).</summary>
    public static DateOnly Easter(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = ((19 * a) + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451, month = (h + l - (7 * m) + 114) / 31, day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
