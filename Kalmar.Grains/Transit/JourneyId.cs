using System.Globalization;

namespace Kalmar.Grains.Transit;

/// <summary>
/// <c>yyyyMMdd|tripId:fromSeq:toSeq[|tripId:fromSeq:toSeq]</c>: the service date, then each leg.
/// Within a trip id, '%' and '|' are written %25 and %7C; a ':' in it needs nothing, since a leg is
/// read from the right.
/// </summary>
internal static class JourneyId
{
    private const int MaxLength = 1000;

    public static string Format(DateOnly serviceDate, IEnumerable<JourneyLegRef> legs) =>
        string.Join('|', legs.Select(Leg).Prepend(serviceDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture)));

    public static bool TryParse(string? id, out DateOnly serviceDate, out List<JourneyLegRef> legs)
    {
        legs = [];
        serviceDate = default;
        var parts = (id ?? "").Split('|');
        if (id is null || id.Length > MaxLength || parts.Length < 2
            || !DateOnly.TryParseExact(parts[0], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out serviceDate))
        {
            return false;
        }

        foreach (var part in parts.Skip(1))
        {
            var toColon = part.LastIndexOf(':');
            var fromColon = toColon > 0 ? part.LastIndexOf(':', toColon - 1) : -1;
            if (fromColon <= 0
                || !int.TryParse(part.AsSpan(fromColon + 1, toColon - fromColon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                || !int.TryParse(part.AsSpan(toColon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var to))
            {
                return false;
            }

            legs.Add(new JourneyLegRef(Unescape(part[..fromColon]), from, to));
        }

        return true;
    }

    private static string Leg(JourneyLegRef leg) =>
        string.Create(CultureInfo.InvariantCulture, $"{Escape(leg.TripId)}:{leg.FromSequence}:{leg.ToSequence}");

    private static string Escape(string tripId) =>
        tripId.Replace("%", "%25", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal);

    // Every '%' in an id starts one of our escapes, so the general decoder is the exact inverse.
    private static string Unescape(string tripId) => Uri.UnescapeDataString(tripId);
}
