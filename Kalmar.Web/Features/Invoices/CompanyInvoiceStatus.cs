namespace Kalmar.Web.Features.Invoices;

/// <summary>A company's invoice of a month as KLT's operators see it.</summary>
public sealed record CompanyInvoiceStatus(Guid CompanyId, string Company, string? OrgNumber, string Status, string? Number, long TotalOre);
