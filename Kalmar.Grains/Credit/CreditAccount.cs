using Kalmar.Contracts.Model;

namespace Kalmar.Grains.Credit;

/// <summary>
/// A credit account as stored: what its rules need now (the grant, the limit and this month's use) and the
/// version its next commit must find. Its size never changes, however many purchases it has seen.
/// </summary>
public sealed record CreditAccount(bool Enabled, long LimitOre, string Month, long UsedOre, long Version)
{
    public static readonly CreditAccount None = new(false, 0, "", 0, 0);

    /// <summary>The credit as it stands in <paramref name="month"/>: what was used in an earlier month does not count.</summary>
    public CreditView View(string month) => new(month, Enabled, LimitOre, Month == month ? UsedOre : 0);

    /// <summary>Credit is per calendar month in Sweden; unused credit does not carry over.</summary>
    public CreditAccount In(string month) => Month == month ? this : this with { Month = month, UsedOre = 0 };
}
