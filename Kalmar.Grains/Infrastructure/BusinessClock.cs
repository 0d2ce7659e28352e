namespace Kalmar.Grains.Infrastructure;

/// <summary>
/// The key of the <see cref="TimeProvider"/> that business rules tell time by (credit months,
/// decisions, reset links). Orleans keeps its own: tests move this one across month ends without
/// making the cluster think its silos stopped answering.
/// </summary>
public static class BusinessClock
{
    public const string Key = "business";
}
