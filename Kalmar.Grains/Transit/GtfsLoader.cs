using Kalmar.Contracts.Transit;
namespace Kalmar.Grains.Transit;

/// <summary>
/// Reads a GTFS feed and checks what the planner relies on; anything else in the feed is ignored.
/// </summary>
internal static class GtfsLoader
{
    private const string DefaultTimeZone = "Europe/Stockholm";

    private static readonly (string Column, DayOfWeek Day)[] Weekdays =
    [
        ("monday", DayOfWeek.Monday), ("tuesday", DayOfWeek.Tuesday), ("wednesday", DayOfWeek.Wednesday),
        ("thursday", DayOfWeek.Thursday), ("friday", DayOfWeek.Friday), ("saturday", DayOfWeek.Saturday),
        ("sunday", DayOfWeek.Sunday),
    ];

    public static TransitFeed Load(string path)
    {
        using var source = IGtfsSource.At(path);
        var timeZone = ReadTimeZone(source);
        var (stops, stopIndex) = ReadStops(source);
        var routes = ReadRoutes(source);
        var calendar = ReadCalendar(source);
        var trips = ReadTrips(source, routes, calendar);
        var compiled = StopTimesReader.Read(source, trips, stops, stopIndex);
        var tripIndex = compiled.Select((trip, index) => (trip.Id, index)).ToDictionary(p => p.Id, p => p.index, StringComparer.Ordinal);
        return new TransitFeed(stops, stopIndex, compiled, tripIndex, calendar, timeZone);
    }

    private static TimeZoneInfo ReadTimeZone(IGtfsSource source)
    {
        if (!source.Has("agency.txt"))
        {
            return TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZone);
        }

        using var table = GtfsTable.Open(source, "agency.txt");
        var row = table.Rows().Select(r => (r.Line, Id: r.Optional("agency_timezone"))).FirstOrDefault();
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(row.Id ?? DefaultTimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new GtfsFormatException("agency.txt", row.Line, $"okänd tidszon '{row.Id}'.");
        }
    }

    private static (List<TransitStop> Stops, Dictionary<string, int> Index) ReadStops(IGtfsSource source)
    {
        using var table = GtfsTable.Open(source, "stops.txt", "stop_id", "stop_name", "zone_id");
        var stops = new List<TransitStop>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows())
        {
            var id = row.Required("stop_id");
            if (!index.TryAdd(id, stops.Count))
            {
                throw row.Error($"stop_id '{id}' förekommer mer än en gång.");
            }

            // A station (location_type 1) may lack a name and a zone; a stop that trips call at may not (checked there).
            stops.Add(new TransitStop(id, row.Optional("stop_name") ?? id, row.Optional("zone_id") ?? ""));
        }

        return (stops, index);
    }

    private static Dictionary<string, string> ReadRoutes(IGtfsSource source)
    {
        using var table = GtfsTable.Open(source, "routes.txt", "route_id");
        var routes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in table.Rows())
        {
            var id = row.Required("route_id");
            var name = row.Optional("route_short_name") ?? row.Optional("route_long_name") ?? id;
            if (!routes.TryAdd(id, name))
            {
                throw row.Error($"route_id '{id}' förekommer mer än en gång.");
            }
        }

        return routes;
    }

    private static ServiceCalendar ReadCalendar(IGtfsSource source)
    {
        var calendar = new ServiceCalendar();
        using (var table = GtfsTable.Open(source, "calendar.txt", ["service_id", .. Weekdays.Select(d => d.Column), "start_date", "end_date"]))
        {
            foreach (var row in table.Rows())
            {
                var days = Weekdays.Where(d => Flag(row, d.Column)).Select(d => d.Day).ToHashSet();
                var pattern = new WeeklyPattern(days, row.RequiredDate("start_date"), row.RequiredDate("end_date"));
                if (!calendar.AddPattern(row.Required("service_id"), pattern))
                {
                    throw row.Error($"service_id '{row.Required("service_id")}' förekommer mer än en gång.");
                }
            }
        }

        if (source.Has("calendar_dates.txt"))
        {
            using var table = GtfsTable.Open(source, "calendar_dates.txt", "service_id", "date", "exception_type");
            foreach (var row in table.Rows())
            {
                var type = row.RequiredInt("exception_type");
                if (type is not (1 or 2))
                {
                    throw row.Error($"exception_type ska vara 1 eller 2, inte {type}.");
                }

                calendar.AddException(row.Required("service_id"), row.RequiredDate("date"), type == 1);
            }
        }

        return calendar;
    }

    private static Dictionary<string, PendingTrip> ReadTrips(IGtfsSource source, Dictionary<string, string> routes, ServiceCalendar calendar)
    {
        using var table = GtfsTable.Open(source, "trips.txt", "route_id", "service_id", "trip_id");
        var trips = new Dictionary<string, PendingTrip>(StringComparer.Ordinal);
        foreach (var row in table.Rows())
        {
            var id = row.Required("trip_id");
            var routeId = row.Required("route_id");
            var serviceId = row.Required("service_id");
            if (!routes.TryGetValue(routeId, out var routeName))
            {
                throw row.Error($"okänd route_id '{routeId}'.");
            }

            if (!calendar.TryGet(serviceId, out var service))
            {
                throw row.Error($"okänd service_id '{serviceId}'.");
            }

            if (!trips.TryAdd(id, new PendingTrip(id, routeName, row.Optional("trip_headsign"), service)))
            {
                throw row.Error($"trip_id '{id}' förekommer mer än en gång.");
            }
        }

        return trips;
    }

    private static bool Flag(GtfsRow row, string column) => row.Required(column) switch
    {
        "1" => true,
        "0" => false,
        var other => throw row.Error($"{column} ska vara 0 eller 1, inte '{other}'."),
    };
}
