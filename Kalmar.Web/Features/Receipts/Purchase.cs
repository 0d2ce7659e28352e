namespace Kalmar.Web.Features.Receipts;

/// <summary>
/// One of the traveller's own purchases with a receipt: a business trip on AllPay (<c>business-trip</c>) or an approved
/// staff-offer order line (<c>staff-offer</c>). The id is the ledger row's, and the receipt's number.
/// </summary>
public sealed record Purchase(
    Guid Id, DateTimeOffset Date, string Kind, string Product, IReadOnlyList<string> Zones, string? Purpose,
    long AmountExclVatOre, long VatOre, long TotalOre);
