namespace Kalmar.Grains.Credit;

/// <summary>One deduction as the <c>credit_ledger</c> table holds it for invoicing; its id is the charge id.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.LedgerEntry")]
public sealed record LedgerEntry(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid TravellerId,
    [property: Id(2)] Guid CompanyId,
    [property: Id(3)] Guid DepartmentId,
    [property: Id(4)] string Month,
    [property: Id(5)] DateTimeOffset ChargedAt,
    [property: Id(6)] string Product,
    [property: Id(7)] IReadOnlyList<string> Zones,
    [property: Id(8)] string Purpose,
    [property: Id(9)] long AmountExclVatOre,
    [property: Id(10)] long VatOre,
    [property: Id(11)] long TotalOre,
    [property: Id(12)] string IdempotencyKey);
