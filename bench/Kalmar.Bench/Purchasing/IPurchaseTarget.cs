namespace Kalmar.Bench.Purchasing;

/// <summary>A system that sells business trips on credit: the baseline or Kalmar. Accounts are numbered as <see cref="Accounts"/> says.</summary>
public interface IPurchaseTarget
{
    /// <summary>The name in the figures: <c>baseline</c> or <c>kalmar</c>.</summary>
    string System { get; }

    /// <summary>One purchase on <paramref name="account"/> with a fresh idempotency key; true when it was charged (201).</summary>
    Task<bool> BuyAsync(int account);
}
