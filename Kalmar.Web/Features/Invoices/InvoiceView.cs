namespace Kalmar.Web.Features.Invoices;

/// <summary>
/// <c>GET /api/admin/invoices/{month}</c>. <see cref="Lines"/> is written out as it is read from the database, so a month
/// of many lines does not sit in memory.
/// </summary>
public sealed record InvoiceView(
    string Month, string Status, string? Number, DateTimeOffset? IssuedAt, DateOnly? DueDate, string? Ocr,
    IReadOnlyList<InvoiceDepartment> Departments, IAsyncEnumerable<InvoiceLine> Lines, long SubtotalOre, long VatOre, long TotalOre);
