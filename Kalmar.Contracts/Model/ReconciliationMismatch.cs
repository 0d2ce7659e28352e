namespace Kalmar.Contracts.Model;

/// <summary>
/// A traveller's month whose amounts disagree: the credit account's used amount, the credit ledger's sum and, for a closed
/// month, the business-trip lines of the company's invoice (null while the month has no invoice).
/// </summary>
[GenerateSerializer, Immutable, Alias("Kalmar.ReconciliationMismatch")]
public sealed record ReconciliationMismatch(
    [property: Id(0)] Guid TravellerId,
    [property: Id(1)] string Company,
    [property: Id(2)] string Month,
    [property: Id(3)] long AccountOre,
    [property: Id(4)] long LedgerOre,
    [property: Id(5)] long? InvoiceOre);
