using Kalmar.Contracts.Model;

namespace Kalmar.Contracts.Abstractions;

/// <summary>A traveller's monthly AllPay credit (keyed by user id). One request at a time makes every deduction atomic.</summary>
[Alias("Kalmar.ICreditAccountGrain")]
public interface ICreditAccountGrain : IGrainWithGuidKey
{
    [Alias("Get")]
    Task<CreditView> GetAsync();

    /// <summary>Grants or revokes business travel and sets the monthly limit; takes effect at once.</summary>
    [Alias("SetLimit")]
    Task<CreditView> SetLimitAsync(bool enabled, long monthlyLimitOre);

    /// <summary>
    /// Deducts the purchase, durably, before answering; refused with <c>insufficient-credit</c> when it
    /// exceeds what remains. The same idempotency key returns the first answer and charges once. The charge's
    /// ticket is written with it and is in the traveller's wallet before a success is answered; should the
    /// silo die first, the account issues it when it next wakes (by a call or its reminder).
    /// </summary>
    [Alias("Charge")]
    Task<Outcome<ChargeReceipt>> ChargeAsync(CreditCharge charge);

    /// <summary>The receipt of an earlier charge with this key, once its ticket is in the wallet; null for a new key.</summary>
    [Alias("FindReceipt")]
    Task<ChargeReceipt?> FindReceiptAsync(string idempotencyKey);
}
