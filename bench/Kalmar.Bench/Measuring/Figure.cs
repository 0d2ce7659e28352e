namespace Kalmar.Bench.Measuring;

/// <summary>One measured number: which load, on which system (kalmar, baseline, pgbench, machine), what, and its value.</summary>
public sealed record Figure(string Load, string System, string Name, double Value);
