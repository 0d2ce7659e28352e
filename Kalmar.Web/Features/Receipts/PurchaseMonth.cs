namespace Kalmar.Web.Features.Receipts;

/// <summary>
/// A month of the traveller's purchases, newest first, with its totals, and every month that has any (newest first,
/// this month always among them) for a month picker.
/// </summary>
public sealed record PurchaseMonth(
    string Month, IReadOnlyList<string> Months, IReadOnlyList<Purchase> Items, long AmountExclVatOre, long VatOre, long TotalOre);
