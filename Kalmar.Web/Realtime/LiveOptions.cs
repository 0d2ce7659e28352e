using System.ComponentModel.DataAnnotations;

namespace Kalmar.Web.Realtime;

/// <summary>Section <c>Live</c>: how often this node renews its live routes and looks for sessions that ran out.</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>Well under the routes' ten-minute expiry.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RenewalInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A session that runs out while only its hub connections are open has them closed within a second.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:00.400")]
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromMilliseconds(200);
}
