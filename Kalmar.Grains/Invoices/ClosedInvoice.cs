namespace Kalmar.Grains.Invoices;

/// <summary>An invoice as its month close fixed it.</summary>
public sealed record ClosedInvoice(
    Guid Id, Guid CompanyId, string Month, string Number, string Ocr, DateTimeOffset IssuedAt, DateOnly IssueDate, DateOnly DueDate,
    long SubtotalOre, long VatOre, long TotalOre);
