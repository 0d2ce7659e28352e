using Kalmar.Contracts.Transit;
namespace Kalmar.Grains.Transit;

/// <summary>
/// Finds direct journeys and journeys with one change at a shared stop. All legs of a journey
/// belong to one service day; trips of the day before that run past midnight are searched too.
/// </summary>
internal sealed class JourneyPlanner
{
    private const int Day = 24 * 60 * 60;

    private readonly TransitFeed _feed;
    private readonly int _minimumChange;
    private readonly (int Trip, int Position)[][] _calls;

    public JourneyPlanner(TransitFeed feed, TimeSpan minimumChange)
    {
        _feed = feed;
        _minimumChange = (int)minimumChange.TotalSeconds;
        _calls = CallsByStop(feed);
    }

    public IReadOnlyList<Journey> Find(int from, int to, DateOnly date, TimeOnly after, int max)
    {
        if (from == to || max <= 0)
        {
            return [];
        }

        var found = new List<Journey>();
        var seconds = (int)after.ToTimeSpan().TotalSeconds;
        Collect(from, to, date, seconds, found);
        Collect(from, to, date.AddDays(-1), seconds + Day, found);
        return [.. found
            .Where(j => !found.Any(other => Dominates(other, j)))
            .OrderBy(j => j.Departure)
            .ThenBy(j => j.Arrival)
            .ThenBy(j => j.Changes)
            .Take(max)];
    }

    public Journey? Resolve(DateOnly serviceDate, IReadOnlyList<JourneyLegRef> refs)
    {
        var legs = new List<PlannedLeg>();
        foreach (var leg in refs)
        {
            if (!_feed.TripIndex.TryGetValue(leg.TripId, out var trip)
                || !_feed.Calendar.Runs(_feed.Trips[trip].Service, serviceDate))
            {
                return null;
            }

            var board = _feed.Trips[trip].PositionOfSequence(leg.FromSequence);
            var alight = _feed.Trips[trip].PositionOfSequence(leg.ToSequence);
            if (board < 0 || alight <= board)
            {
                return null;
            }

            legs.Add(new PlannedLeg(trip, board, alight));
        }

        // A change needs the same stop and a departure no earlier than the arrival; the minimum
        // change time is a search preference, so a journey found under another setting still resolves.
        for (var i = 1; i < legs.Count; i++)
        {
            var (previous, next) = (_feed.Trips[legs[i - 1].Trip], _feed.Trips[legs[i].Trip]);
            if (previous.Stops[legs[i - 1].Alight] != next.Stops[legs[i].Board]
                || next.Departures[legs[i].Board] < previous.Arrivals[legs[i - 1].Alight])
            {
                return null;
            }
        }

        return Build(serviceDate, legs);
    }

    private void Collect(int from, int to, DateOnly serviceDate, int earliest, List<Journey> found)
    {
        var running = _feed.Calendar.RunningOn(serviceDate);
        var onwardTo = OnwardTo(to, running);
        foreach (var (tripIndex, board) in _calls[from])
        {
            var trip = _feed.Trips[tripIndex];
            if (!running[trip.Service] || trip.Departures[board] < earliest)
            {
                continue;
            }

            var alight = trip.PositionOf(to, board);
            if (alight >= 0)
            {
                found.Add(Build(serviceDate, [new PlannedLeg(tripIndex, board, alight)]));
            }

            var change = BestChange(tripIndex, board, alight >= 0 ? alight : trip.Stops.Length, onwardTo);
            if (change is not null)
            {
                found.Add(Build(serviceDate, change));
            }
        }
    }

    /// <summary>
    /// For one boarding, the change that arrives first (then passes fewest zones): a later arrival
    /// with the same departure is never the better choice.
    /// </summary>
    private List<PlannedLeg>? BestChange(int tripIndex, int board, int stopBefore, Dictionary<int, List<PlannedLeg>> onwardTo)
    {
        var trip = _feed.Trips[tripIndex];
        List<PlannedLeg>? best = null;
        (int Arrival, int Zones) bestScore = (int.MaxValue, int.MaxValue);
        for (var at = board + 1; at < stopBefore; at++)
        {
            if (!onwardTo.TryGetValue(trip.Stops[at], out var onward))
            {
                continue;
            }

            foreach (var next in onward)
            {
                var nextTrip = _feed.Trips[next.Trip];
                if (next.Trip == tripIndex || nextTrip.Departures[next.Board] < trip.Arrivals[at] + _minimumChange
                    || nextTrip.Arrivals[next.Alight] > bestScore.Arrival)
                {
                    continue;
                }

                List<PlannedLeg> candidate = [new PlannedLeg(tripIndex, board, at), next];
                var score = (nextTrip.Arrivals[next.Alight], Zones(candidate).Count);
                if (score.CompareTo(bestScore) < 0)
                {
                    (best, bestScore) = (candidate, score);
                }
            }
        }

        return best;
    }

    /// <summary>For each stop, the running trips' rides from there to <paramref name="to"/>.</summary>
    private Dictionary<int, List<PlannedLeg>> OnwardTo(int to, bool[] running)
    {
        var onward = new Dictionary<int, List<PlannedLeg>>();
        foreach (var (tripIndex, alight) in _calls[to])
        {
            var trip = _feed.Trips[tripIndex];
            if (!running[trip.Service])
            {
                continue;
            }

            for (var board = 0; board < alight; board++)
            {
                var stop = trip.Stops[board];
                if (!onward.TryGetValue(stop, out var list))
                {
                    onward[stop] = list = [];
                }

                list.Add(new PlannedLeg(tripIndex, board, alight));
            }
        }

        return onward;
    }

    private Journey Build(DateOnly serviceDate, List<PlannedLeg> planned)
    {
        var start = ServiceDay.Start(serviceDate, _feed.TimeZone);
        var legs = planned.Select(leg =>
        {
            var trip = _feed.Trips[leg.Trip];
            return new JourneyLeg(
                trip.RouteName, trip.Headsign, trip.Id,
                _feed.Stops[trip.Stops[leg.Board]], _feed.Stops[trip.Stops[leg.Alight]],
                trip.Sequences[leg.Board], trip.Sequences[leg.Alight],
                ServiceDay.At(start, trip.Departures[leg.Board], _feed.TimeZone),
                ServiceDay.At(start, trip.Arrivals[leg.Alight], _feed.TimeZone));
        }).ToList();
        var id = JourneyId.Format(serviceDate, legs.Select(l => new JourneyLegRef(l.TripId, l.FromSequence, l.ToSequence)));
        return new Journey(id, serviceDate, legs, Zones(planned));
    }

    /// <summary>The distinct zones of every stop from boarding to alighting on each leg, in travel order.</summary>
    private List<string> Zones(List<PlannedLeg> legs)
    {
        var zones = new List<string>();
        foreach (var leg in legs)
        {
            var trip = _feed.Trips[leg.Trip];
            for (var position = leg.Board; position <= leg.Alight; position++)
            {
                var zone = _feed.Stops[trip.Stops[position]].ZoneId;
                if (!zones.Contains(zone))
                {
                    zones.Add(zone);
                }
            }
        }

        return zones;
    }

    private static bool Dominates(Journey better, Journey worse) =>
        better.Departure >= worse.Departure && better.Arrival <= worse.Arrival
        && better.Changes <= worse.Changes && better.Zones.Count <= worse.Zones.Count
        && (better.Departure > worse.Departure || better.Arrival < worse.Arrival
            || better.Changes < worse.Changes || better.Zones.Count < worse.Zones.Count);

    private static (int Trip, int Position)[][] CallsByStop(TransitFeed feed)
    {
        var calls = feed.Stops.Select(_ => new List<(int, int)>()).ToArray();
        for (var trip = 0; trip < feed.Trips.Count; trip++)
        {
            for (var position = 0; position < feed.Trips[trip].Stops.Length; position++)
            {
                calls[feed.Trips[trip].Stops[position]].Add((trip, position));
            }
        }

        return [.. calls.Select(list => list.ToArray())];
    }
}
