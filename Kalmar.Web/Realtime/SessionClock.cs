namespace Kalmar.Web.Realtime;

/// <summary>
/// The key of the clock this node compares session deadlines with: the silos' business clock, which is the system
/// clock; a test gives it its cluster's fake clock, so a session idle by that clock is closed here too.
/// </summary>
public static class SessionClock
{
    public const string Key = "sessions";
}
