namespace Kalmar.Web.Features.Invoices;

/// <summary>A closed invoice as KLT's ledger books it.</summary>
public sealed record IssuedInvoice(
    string Company, string? OrgNumber, string Number, string Ocr, DateOnly IssueDate, DateOnly DueDate, long SubtotalOre, long VatOre, long TotalOre);
