using System.ComponentModel.DataAnnotations;

namespace Kalmar.Web.Realtime;

/// <summary>Section <c>Live</c>: how often this node renews its live routes.</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>Well under the routes' ten-minute expiry.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RenewalInterval { get; set; } = TimeSpan.FromMinutes(2);
}
