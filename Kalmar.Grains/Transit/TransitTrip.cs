namespace Kalmar.Grains.Transit;

/// <summary>
/// A trip with its stop times as parallel arrays (positions 0..n-1 in stop_sequence order), in
/// seconds from the start of the service day.
/// </summary>
internal sealed record TransitTrip(
    string Id,
    string RouteName,
    string? Headsign,
    int Service,
    int[] Stops,
    int[] Sequences,
    int[] Arrivals,
    int[] Departures)
{
    /// <summary>The first position after <paramref name="after"/> where the trip calls at <paramref name="stop"/>, or -1.</summary>
    public int PositionOf(int stop, int after)
    {
        for (var position = after + 1; position < Stops.Length; position++)
        {
            if (Stops[position] == stop)
            {
                return position;
            }
        }

        return -1;
    }

    public int PositionOfSequence(int sequence) => Array.IndexOf(Sequences, sequence);
}
