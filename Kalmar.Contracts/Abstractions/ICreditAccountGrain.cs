using Kalmar.Contracts.Model;

namespace Kalmar.Contracts.Abstractions;

/// <summary>A traveller's monthly AllPay credit (keyed by user id): the one owner of its limit, so no month is overspent.</summary>
[Alias("Kalmar.ICreditAccountGrain")]
public interface ICreditAccountGrain : IGrainWithGuidKey
{
    [Alias("Get")]
    Task<CreditView> GetAsync();

    /// <summary>Grants or revokes business travel and sets the monthly limit; takes effect at once.</summary>
    [Alias("SetLimit")]
    Task<CreditView> SetLimitAsync(bool enabled, long monthlyLimitOre);

    /// <summary>
    /// Deducts the purchase, durably, before answering; refused with <c>insufficient-credit</c> when it exceeds what
    /// remains. The same idempotency key returns the first answer and charges once, however long after. The charge's
    /// ledger row and ticket are written in the same transaction as the deduction.
    /// </summary>
    [Alias("Charge")]
    Task<Outcome<ChargeReceipt>> ChargeAsync(CreditCharge charge);

    /// <summary>
    /// Gives a recalled business trip's price back to this month's credit, durably with the ticket's recall, once per
    /// ticket. Null, with nothing done, when the trip was not charged in the account's current month: an earlier month's
    /// credit is gone, so the company is credited on its invoice instead.
    /// </summary>
    [Alias("Refund")]
    Task<CreditView?> RefundAsync(CreditRefund refund);

    /// <summary>The receipt of an earlier charge with this key; null for a new key.</summary>
    [Alias("FindReceipt")]
    Task<ChargeReceipt?> FindReceiptAsync(string idempotencyKey);
}
