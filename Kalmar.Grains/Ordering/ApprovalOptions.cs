using System.ComponentModel.DataAnnotations;

namespace Kalmar.Grains.Ordering;

/// <summary>Section <c>Approvals</c>: when a pending order counts as stuck.</summary>
public sealed class ApprovalOptions
{
    public const string Section = "Approvals";

    /// <summary>After this long, and again every this long, the department's admins are reminded.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan RemindAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>After this long the company admins are told as well.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "60.00:00:00")]
    public TimeSpan EscalateAfter { get; set; } = TimeSpan.FromHours(72);
}
