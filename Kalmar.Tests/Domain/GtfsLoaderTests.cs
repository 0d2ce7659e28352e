using Kalmar.Contracts.Transit;
using Kalmar.Grains.Transit;

namespace Kalmar.Tests.Domain;

public sealed class GtfsLoaderTests(ShippedFeedFixture shipped) : IClassFixture<ShippedFeedFixture>
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    [Fact]
    public void ShippedFeedLoadsWithZonesOnItsStops()
    {
        var kalmar = shipped.Index.FindStop("740101001");

        Assert.Equal(new TransitStop("740101001", "Kalmar C", "101"), kalmar);
        Assert.Equal(70, shipped.Index.Stops.Count);
        Assert.Equal("Europe/Stockholm", shipped.Index.TimeZone.Id);
    }

    [Fact]
    public void MissingRequiredFileIsNamed()
    {
        using var feed = new TinyFeed().With("stops.txt", null);

        var error = Assert.Throws<GtfsFormatException>(() => TransitIndex.Load(feed.Folder));
        Assert.Equal("stops.txt: filen saknas i GTFS-flödet.", error.Message);
    }

    [Fact]
    public void PathThatIsNeitherFolderNorZipIsRefused()
    {
        using var feed = new TinyFeed();

        Assert.Throws<GtfsFormatException>(() => TransitIndex.Load(Path.Combine(feed.Folder, "nothing-here")));
        Assert.Throws<GtfsFormatException>(() => TransitIndex.Load(Path.Combine(feed.Folder, "stops.txt")));
    }

    [Fact]
    public void AgencyFileIsOptional()
    {
        using var feed = new TinyFeed().With("agency.txt", null);

        Assert.Single(TransitIndex.Load(feed.Folder).FindJourneys("A", "B", Monday, new TimeOnly(7, 0)));
    }

    [Fact]
    public void MissingRequiredColumnIsNamed()
    {
        using var feed = new TinyFeed().With("stops.txt", "stop_id,stop_name\nA,Alfa\n");

        var error = Assert.Throws<GtfsFormatException>(() => TransitIndex.Load(feed.Folder));
        Assert.Equal("stops.txt rad 1: kolumnen 'zone_id' saknas.", error.Message);
    }

    [Fact]
    public void UnknownStopInStopTimesNamesItsLine()
    {
        using var feed = new TinyFeed().With("stop_times.txt", TinyFeed.StopTimes.Replace("08:10:00,B", "08:10:00,X", StringComparison.Ordinal));

        var error = Assert.Throws<GtfsFormatException>(() => TransitIndex.Load(feed.Folder));
        Assert.Equal("stop_times.txt rad 3: okänd stop_id 'X'.", error.Message);
        Assert.Equal(("stop_times.txt", 3), (error.FileName, error.Line));
    }

    [Theory]
    [InlineData("08:6x:00")]
    [InlineData("8.10")]
    [InlineData("08:60:00")]
    public void BadTimeNamesItsLine(string time)
    {
        using var feed = new TinyFeed().With("stop_times.txt", TinyFeed.StopTimes.Replace("T1,08:10:00", $"T1,{time}", StringComparison.Ordinal));

        var error = Assert.Throws<GtfsFormatException>(() => TransitIndex.Load(feed.Folder));
        Assert.Equal($"stop_times.txt rad 3: ogiltig tid '{time}' i kolumnen arrival_time (ska vara TT:MM:SS).", error.Message);
    }

    [Fact]
    public void TimesGoingBackwardsAlongATripAreRefused()
    {
        using var feed = new TinyFeed().With("stop_times.txt", TinyFeed.StopTimes.Replace("08:10:00,08:10:00", "07:50:00,07:50:00", StringComparison.Ordinal));

        var error = Assert.Throws<GtfsFormatException>(() => TransitIndex.Load(feed.Folder));
        Assert.Equal("stop_times.txt rad 3: ankomsten 07:50:00 är före avgången 08:00:00 från föregående hållplats i turen 'T1'.", error.Message);
    }

    [Theory]
    [InlineData("trips.txt", "route_id,service_id,trip_id\nR,NOPE,T1\n", "trips.txt rad 2: okänd service_id 'NOPE'.")]
    [InlineData("trips.txt", "route_id,service_id,trip_id\nQ,S,T1\n", "trips.txt rad 2: okänd route_id 'Q'.")]
    [InlineData("stop_times.txt", "trip_id,arrival_time,departure_time,stop_id,stop_sequence\nT9,08:00:00,08:00:00,A,1\n", "stop_times.txt rad 2: okänd trip_id 'T9'.")]
    [InlineData("calendar.txt", "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\nS,1,1,1,1,1,0,0,2026-01-01,20261231\n", "calendar.txt rad 2: ogiltigt datum '2026-01-01' i kolumnen start_date (ska vara ÅÅÅÅMMDD).")]
    [InlineData("stops.txt", "stop_id,stop_name,zone_id\nA,Alfa,1\nB,Beta,2\nC,Gamma,\n", "stop_times.txt rad 4: hållplatsen 'C' saknar zone_id i stops.txt, så resan kan inte prissättas.")]
    [InlineData("stop_times.txt", "trip_id,arrival_time,departure_time,stop_id\nT1,08:00:00,08:00:00,A\n", "stop_times.txt rad 1: kolumnen 'stop_sequence' saknas.")]
    public void BrokenReferenceIsNamedWithFileAndLine(string file, string content, string message)
    {
        using var feed = new TinyFeed().With(file, content);

        Assert.Equal(message, Assert.Throws<GtfsFormatException>(() => TransitIndex.Load(feed.Folder)).Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ZippedFeedLoads(bool inFolder)
    {
        using var feed = new TinyFeed();

        var index = TransitIndex.Load(feed.Zip(inFolder));

        Assert.Single(index.FindJourneys("A", "C", Monday, new TimeOnly(7, 0)));
    }

    [Fact]
    public void TimesPastMidnightEndOnTheNextDay()
    {
        using var feed = new TinyFeed();

        var journey = Assert.Single(TransitIndex.Load(feed.Folder).FindJourneys("A", "C", Monday, new TimeOnly(7, 0)));

        Assert.Equal(new DateTimeOffset(2026, 3, 3, 1, 10, 0, TimeSpan.FromHours(1)), journey.Arrival);
        Assert.Equal(Monday, journey.ServiceDate);
    }

    [Fact]
    public void TripOfThePreviousServiceDayIsFoundAfterMidnight()
    {
        using var feed = new TinyFeed().With("stop_times.txt", TinyFeed.StopTimes.Replace("T1,08:10:00,08:10:00,B", "T1,24:30:00,24:30:00,B", StringComparison.Ordinal));

        var journeys = TransitIndex.Load(feed.Folder).FindJourneys("B", "C", Monday.AddDays(1), new TimeOnly(0, 15));

        // Monday's run is at 00:30 on Tuesday; Tuesday's own run comes a day later.
        Assert.Equal([Monday, Monday.AddDays(1)], journeys.Select(j => j.ServiceDate));
        var journey = journeys[0];
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 0, 30, 0, TimeSpan.FromHours(1)), journey.Departure);
    }

    [Fact]
    public void CalendarDatesRemoveAndAddDays()
    {
        using var feed = new TinyFeed().With("calendar_dates.txt", "service_id,date,exception_type\nS,20260302,2\nS,20260307,1\n");
        var index = TransitIndex.Load(feed.Folder);

        Assert.Empty(index.FindJourneys("A", "B", Monday, new TimeOnly(7, 0)));
        Assert.Single(index.FindJourneys("A", "B", new DateOnly(2026, 3, 7), new TimeOnly(7, 0)));
        Assert.Single(index.FindJourneys("A", "B", new DateOnly(2026, 3, 3), new TimeOnly(7, 0)));
    }

    [Fact]
    public void StopsWithoutTimesGetInterpolatedTimes()
    {
        using var feed = new TinyFeed().With("stop_times.txt", TinyFeed.StopTimes.Replace("T1,08:10:00,08:10:00,B", "T1,,,B", StringComparison.Ordinal));

        var journey = Assert.Single(TransitIndex.Load(feed.Folder).FindJourneys("A", "B", Monday, new TimeOnly(7, 0)));

        Assert.Equal(new TimeSpan(16, 35, 0), journey.Arrival.TimeOfDay);
    }
}
