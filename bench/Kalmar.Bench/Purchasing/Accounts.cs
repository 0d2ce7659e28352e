namespace Kalmar.Bench.Purchasing;

/// <summary>Which account each load uses, the same numbering on both systems; each load starts on a fresh account.</summary>
public static class Accounts
{
    public const int Hot = 0;
    public const int Sequence = 1;
    public const int Growth = 2;
    public const int FirstSpread = 3;

    public static int Count(int spread) => FirstSpread + spread;

    /// <summary>A limit no load reaches: no purchase is refused unless a load wants that.</summary>
    public const long UnreachableLimitOre = 1_000_000_000_000;
}
