using Kalmar.Contracts.Model;

namespace Kalmar.Grains.Credit;

/// <summary>One accepted charge as <c>credit_ledger</c> holds it: what the invoice needs and the receipt a retry gets.</summary>
public sealed record LedgerEntry(
    Guid TravellerId,
    string IdempotencyKey,
    CreditCharge Charge,
    ChargeReceipt Receipt);
