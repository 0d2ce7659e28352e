namespace Kalmar.Grains.Transit;

/// <summary>A row of trips.txt collecting its stop times while stop_times.txt is read.</summary>
internal sealed record PendingTrip(string Id, string RouteName, string? Headsign, int Service)
{
    public List<PendingStopTime> StopTimes { get; } = [];
}
