using System.Globalization;
using Kalmar.Contracts.Domain;

namespace Kalmar.Web.Features.Transit;

/// <summary>
/// The day and time a journey search starts from, read alike from the API's query and the ordering form: a date
/// <c>YYYY-MM-DD</c> and a time <c>HH:mm</c> (or <c>H:mm</c> and <c>HH:mm:ss</c>, as time fields may send it).
/// What is left out is today, or now, in Stockholm.
/// </summary>
public readonly record struct JourneyStart(DateOnly Day, TimeOnly After)
{
    public const string TimeError = "Ange tid som TT:MM, t.ex. 07:30.";

    private const string DateFormat = "yyyy-MM-dd";

    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "HH:mm:ss"];

    /// <summary>The day as the form and the query write it.</summary>
    public string Date => Day.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>The time as the form and the query write it.</summary>
    public string Time => After.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static JourneyStart At(DateTimeOffset instant)
    {
        var local = Stockholm.ToLocal(instant).DateTime;
        return new(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
    }

    public bool TryReadDay(string? text, out DateOnly day)
    {
        day = Day;
        return string.IsNullOrWhiteSpace(text) || DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    public bool TryReadTime(string? text, out TimeOnly after)
    {
        after = After;
        return string.IsNullOrWhiteSpace(text) || TimeOnly.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out after);
    }
}
