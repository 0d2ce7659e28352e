using System.ComponentModel.DataAnnotations;

namespace Kalmar.Web.Features.Tickets;

/// <summary>Section <c>TicketKeys</c>: how often the key that signs tickets' QR codes changes, and how long old ones stay published.</summary>
public sealed class TicketKeyOptions
{
    public const string Section = "TicketKeys";

    /// <summary>How long a key signs before the next one takes over; the next one is published this long ahead.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan RotationPeriod { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// The longest a ticket stays valid after its code was signed: a 365-dagarsbiljett whose validity starts up to 30
    /// days ahead, and a day's margin. A retired key stays published this long, until its last ticket has expired.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan MaxTicketLifetime { get; set; } = TimeSpan.FromDays(396);

    /// <summary>How often a web node reads the keys again (and creates the next one when it is due).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
}
