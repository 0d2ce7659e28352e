using Kalmar.Contracts.Transit;
namespace Kalmar.Grains.Transit;

/// <summary>Reads stop_times.txt into trips, checking references, times and their order along each trip.</summary>
internal static class StopTimesReader
{
    private const string FileName = "stop_times.txt";

    public static List<TransitTrip> Read(
        IGtfsSource source,
        Dictionary<string, PendingTrip> trips,
        IReadOnlyList<TransitStop> stops,
        Dictionary<string, int> stopIndex)
    {
        using (var table = GtfsTable.Open(source, FileName, "trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence"))
        {
            foreach (var row in table.Rows())
            {
                var tripId = row.Required("trip_id");
                var stopId = row.Required("stop_id");
                if (!trips.TryGetValue(tripId, out var trip))
                {
                    throw row.Error($"okänd trip_id '{tripId}'.");
                }

                if (!stopIndex.TryGetValue(stopId, out var stop))
                {
                    throw row.Error($"okänd stop_id '{stopId}'.");
                }

                if (stops[stop].ZoneId.Length == 0)
                {
                    throw row.Error($"hållplatsen '{stopId}' saknar zone_id i stops.txt, så resan kan inte prissättas.");
                }

                trip.StopTimes.Add(new PendingStopTime(
                    row.Line, stop, row.RequiredInt("stop_sequence"), row.OptionalTime("arrival_time"), row.OptionalTime("departure_time")));
            }
        }

        // A trip with fewer than two stops cannot take anyone anywhere.
        return [.. trips.Values.Where(t => t.StopTimes.Count >= 2).Select(Compile)];
    }

    private static TransitTrip Compile(PendingTrip trip)
    {
        var rows = trip.StopTimes.OrderBy(s => s.Sequence).ToArray();
        var arrivals = new int?[rows.Length];
        var departures = new int?[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            if (i > 0 && rows[i].Sequence == rows[i - 1].Sequence)
            {
                throw Error(rows[i], $"stop_sequence {rows[i].Sequence} förekommer två gånger i turen '{trip.Id}'.");
            }

            arrivals[i] = rows[i].Arrival ?? rows[i].Departure;
            departures[i] = rows[i].Departure ?? rows[i].Arrival;
        }

        if (arrivals[0] is null || arrivals[^1] is null)
        {
            var row = arrivals[0] is null ? rows[0] : rows[^1];
            throw Error(row, $"första och sista hållplatsen i turen '{trip.Id}' måste ha tider.");
        }

        Interpolate(arrivals, departures);
        for (var i = 0; i < rows.Length; i++)
        {
            if (i > 0 && arrivals[i] < departures[i - 1])
            {
                throw Error(rows[i], $"ankomsten {GtfsTime.Format(arrivals[i]!.Value)} är före avgången {GtfsTime.Format(departures[i - 1]!.Value)} från föregående hållplats i turen '{trip.Id}'.");
            }

            if (departures[i] < arrivals[i])
            {
                throw Error(rows[i], $"avgången {GtfsTime.Format(departures[i]!.Value)} är före ankomsten {GtfsTime.Format(arrivals[i]!.Value)} i turen '{trip.Id}'.");
            }
        }

        return new TransitTrip(
            trip.Id, trip.RouteName, trip.Headsign, trip.Service,
            [.. rows.Select(r => r.Stop)], [.. rows.Select(r => r.Sequence)],
            [.. arrivals.Select(a => a!.Value)], [.. departures.Select(d => d!.Value)]);
    }

    /// <summary>Gives stops that are not timepoints times spread evenly between the timepoints around them.</summary>
    private static void Interpolate(int?[] arrivals, int?[] departures)
    {
        var last = 0;
        for (var i = 1; i < arrivals.Length; i++)
        {
            if (arrivals[i] is null)
            {
                continue;
            }

            var from = departures[last]!.Value;
            for (var k = last + 1; k < i; k++)
            {
                var time = from + (arrivals[i]!.Value - from) * (k - last) / (i - last);
                arrivals[k] = departures[k] = time;
            }

            last = i;
        }
    }

    private static GtfsFormatException Error(PendingStopTime row, string problem) => new(FileName, row.Line, problem);
}
