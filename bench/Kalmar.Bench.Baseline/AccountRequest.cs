namespace Kalmar.Bench.Baseline;

public sealed record AccountRequest(long LimitOre);
