namespace Kalmar.Web.Features.Invoices;

/// <summary>
/// An invoice without its lines. <see cref="InvoiceId"/> is null while the month is open: its lines are then read live
/// from the ledgers (preliminär), once closed from the lines its close froze.
/// </summary>
public sealed record InvoiceHeader(
    Guid CompanyId, string Month, Guid? InvoiceId, string? Number, string? Ocr, DateTimeOffset? IssuedAt, DateOnly? IssueDate, DateOnly? DueDate)
{
    public bool Closed => InvoiceId is not null;
}
