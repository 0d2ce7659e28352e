using Kalmar.Contracts.Transit;
namespace Kalmar.Grains.Transit;

/// <summary>A loaded feed, with stops and trips referred to by their position in these lists.</summary>
internal sealed record TransitFeed(
    IReadOnlyList<TransitStop> Stops,
    IReadOnlyDictionary<string, int> StopIndex,
    IReadOnlyList<TransitTrip> Trips,
    IReadOnlyDictionary<string, int> TripIndex,
    ServiceCalendar Calendar,
    TimeZoneInfo TimeZone);
