namespace Kalmar.Bench.Report;

/// <summary>A line of the table: the figure on Kalmar, what it is compared with in the same run, and the target.</summary>
public sealed record ReportRow(string Load, string Figure, string Kalmar, string Compared, string Ratio, string Target, string Met);
