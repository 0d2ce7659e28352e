namespace Kalmar.Contracts.Hosting;

/// <summary>What waits: unsent e-mail and SMS and orders pending approval, with the age of the oldest of each (zero when none).</summary>
public sealed record Backlog(long UnsentMessages, TimeSpan OldestUnsentAge, long PendingOrders, TimeSpan OldestPendingAge);
