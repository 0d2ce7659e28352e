using System.ComponentModel.DataAnnotations;

namespace Kalmar.Silo.Notifications;

/// <summary>How the outbox dispatcher on each silo works (section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How long the dispatcher rests when nothing is due.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Rows claimed, and held locked, per transaction; a crash may resend at most these.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 10;

    /// <summary>The longest wait between two attempts at one message (the backoff doubles up to it).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether a sent message keeps its body. Off outside Development: a one-time code or a set-password link is not
    /// kept in plain text once it has gone out (the row keeps channel, recipient, subject and times).
    /// </summary>
    public bool KeepSentBodies { get; set; }
}
