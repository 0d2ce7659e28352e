namespace Kalmar.Bench.Baseline;

/// <summary>The answer to a purchase, stored with its key so that a retry gets exactly this again.</summary>
public sealed record PurchaseResult(bool Charged, long UsedOre, long LimitOre)
{
    public long RemainingOre => LimitOre - UsedOre;
}
