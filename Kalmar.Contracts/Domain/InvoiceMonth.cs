using System.Globalization;

namespace Kalmar.Contracts.Domain;

/// <summary>An invoice month as the API names it, <c>YYYY-MM</c> (Stockholm time, as <see cref="Stockholm.MonthOf"/>).</summary>
public static class InvoiceMonth
{
    /// <summary>True for a real month written exactly <c>YYYY-MM</c>; <c>2026-13</c> and <c>abc</c> are not.</summary>
    public static bool IsValid(string? month) =>
        month is { Length: 7 } && DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static string Previous(string month) => Shift(month, -1);

    public static string Next(string month) => Shift(month, 1);

    /// <summary>00:00 on the month's 1st in Sweden.</summary>
    public static DateTimeOffset Start(string month) => Stockholm.StartOfDay(DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static string Shift(string month, int months) =>
        DateTime.ParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture).AddMonths(months).ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
