using System.Globalization;

namespace Kalmar.Grains.Transit;

/// <summary>
/// GTFS times: seconds from the start of the service day, written <c>H:MM:SS</c>, and past
/// <c>24:00:00</c> for trips that run after midnight.
/// </summary>
internal static class GtfsTime
{
    public static bool TryParse(string text, out int seconds)
    {
        seconds = 0;
        var parts = text.Split(':');
        if (parts.Length != 3
            || !TryPart(parts[0], 1, 3, 99, out var hours)
            || !TryPart(parts[1], 2, 2, 59, out var minutes)
            || !TryPart(parts[2], 2, 2, 59, out var secs))
        {
            return false;
        }

        seconds = hours * 3600 + minutes * 60 + secs;
        return true;
    }

    public static string Format(int seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:D2}:{seconds / 60 % 60:D2}:{seconds % 60:D2}");

    private static bool TryPart(string text, int minLength, int maxLength, int max, out int value)
    {
        value = 0;
        return text.Length >= minLength && text.Length <= maxLength && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= max;
    }
}
