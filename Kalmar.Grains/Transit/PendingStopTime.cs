namespace Kalmar.Grains.Transit;

/// <summary>A row of stop_times.txt as read; times are null where the feed leaves them to be interpolated.</summary>
internal readonly record struct PendingStopTime(int Line, int Stop, int Sequence, int? Arrival, int? Departure);
