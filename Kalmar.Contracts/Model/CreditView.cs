namespace Kalmar.Contracts.Model;

/// <summary>A traveller's AllPay credit this month (Europe/Stockholm, <c>YYYY-MM</c>).</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.CreditView")]
public sealed record CreditView(
    [property: Id(0)] string Month,
    [property: Id(1)] bool Enabled,
    [property: Id(2)] long LimitOre,
    [property: Id(3)] long UsedOre)
{
    /// <summary>Never below zero: a limit lowered under what is used leaves nothing to spend.</summary>
    public long RemainingOre => Enabled ? Math.Max(0, LimitOre - UsedOre) : 0;
}
