namespace Kalmar.Web.Features.Invoices;

/// <summary>One line of an invoice; <paramref name="Kind"/> is <c>staff-offer</c>, <c>business-trip</c> or <c>credit</c>.</summary>
public sealed record InvoiceLine(
    Guid Id, DateOnly Date, string Traveller, string EmployeeNumber, string Department, string Reference, string CostCentre,
    string Kind, string Product, IReadOnlyList<string> Zones, string? Purpose, long AmountExclVatOre, long VatOre, long TotalOre);
