namespace Kalmar.Bench.Baseline;

public sealed record PurchaseRequest(long AccountId, long AmountOre, string? IdempotencyKey);
