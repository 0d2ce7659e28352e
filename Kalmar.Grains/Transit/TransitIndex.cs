using System.Diagnostics.CodeAnalysis;
using Kalmar.Contracts.Transit;

namespace Kalmar.Grains.Transit;

/// <summary>
/// The timetable in memory: stop search and journey planning over a GTFS feed. Load it once at
/// start and share it; it never changes after loading, so it is safe on any number of threads.
/// </summary>
public sealed class TransitIndex
{
    public const int DefaultMaxJourneys = 8;

    private readonly TransitFeed _feed;
    private readonly StopSearch _search;
    private readonly JourneyPlanner _planner;
    private readonly HashSet<string> _zoneIds;

    private TransitIndex(TransitFeed feed, TimeSpan minimumChange)
    {
        _feed = feed;
        MinimumChange = minimumChange;
        var calls = feed.Trips.SelectMany(t => t.Stops).CountBy(s => s).OrderBy(c => c.Key).ToList();
        Stops = [.. calls.Select(c => feed.Stops[c.Key])];
        Zones = [.. Stops.Where(stop => stop.ZoneId.Length > 0).GroupBy(stop => stop.ZoneId).OrderBy(zone => zone.Key, StringComparer.Ordinal)
            .Select(zone => new TransitZone(zone.Key, [.. zone.Select(stop => stop.Name).Order(StringComparer.Ordinal)]))];
        _zoneIds = [.. Zones.Select(zone => zone.Id)];
        _search = new StopSearch(calls.Select(c => (feed.Stops[c.Key], c.Value)));
        _planner = new JourneyPlanner(feed, minimumChange);
    }

    /// <summary>The shortest change between two trips that a search offers.</summary>
    public TimeSpan MinimumChange { get; }

    /// <summary>The feed's time zone (agency.txt), in which journey times are given.</summary>
    public TimeZoneInfo TimeZone => _feed.TimeZone;

    /// <summary>The stops that some trip calls at; stations and entrances without trips are left out.</summary>
    public IReadOnlyList<TransitStop> Stops { get; }

    /// <summary>The fare zones that some trip calls in, in zone order.</summary>
    public IReadOnlyList<TransitZone> Zones { get; }

    public bool HasZone(string zoneId) => _zoneIds.Contains(zoneId);

    /// <summary>Loads a feed from a folder or a .zip; throws <see cref="GtfsFormatException"/> if it is broken.</summary>
    public static TransitIndex Load(string path, TimeSpan? minimumChange = null) =>
        new(GtfsLoader.Load(path), minimumChange ?? TimeSpan.FromMinutes(3));

    public TransitStop? FindStop(string stopId) =>
        _feed.StopIndex.TryGetValue(stopId, out var stop) ? _feed.Stops[stop] : null;

    /// <summary>Stops whose name matches what was typed, ignoring case and diacritics, best first.</summary>
    public IReadOnlyList<TransitStop> Search(string? query, int max = 10) => _search.Search(query, max);

    /// <summary>
    /// Journeys leaving <paramref name="fromStopId"/> at or after <paramref name="after"/> (local
    /// time) on <paramref name="date"/>, direct or with one change, by departure and then arrival.
    /// Journeys that another one beats on every count (later or same departure, earlier or same
    /// arrival, no more changes, no more zones) are left out. Unknown stops give no journeys.
    /// </summary>
    public IReadOnlyList<Journey> FindJourneys(string fromStopId, string toStopId, DateOnly date, TimeOnly after, int max = DefaultMaxJourneys) =>
        _feed.StopIndex.TryGetValue(fromStopId, out var from) && _feed.StopIndex.TryGetValue(toStopId, out var to)
            ? _planner.Find(from, to, date, after, max)
            : [];

    /// <summary>The journey a <see cref="Journey.Id"/> stands for, if the timetable still runs it.</summary>
    public bool TryResolve(string? journeyId, [NotNullWhen(true)] out Journey? journey)
    {
        journey = JourneyId.TryParse(journeyId, out var date, out var legs) && legs.Count is 1 or 2
            ? _planner.Resolve(date, legs)
            : null;
        return journey is not null;
    }
}
