namespace Kalmar.Web.Features.Invoices;

/// <summary>A department's part of an invoice: what its invoice reference is billed.</summary>
public sealed record InvoiceDepartment(
    Guid Id, string Name, string Reference, string CostCentre, long SubtotalOre, long VatOre, long TotalOre);
