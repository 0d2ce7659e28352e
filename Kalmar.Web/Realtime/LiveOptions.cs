using System.ComponentModel.DataAnnotations;

namespace Kalmar.Web.Realtime;

/// <summary>Section <c>Live</c>: how often this node renews its registration for live events.</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>Well under the registry's two-minute expiry, and how long a new registry activation may miss this node.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan RenewalInterval { get; set; } = TimeSpan.FromSeconds(20);
}
