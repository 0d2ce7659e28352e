using Kalmar.Contracts.Live;

namespace Kalmar.Web.Payloads;

/// <summary>
/// The <c>invoiceChanged</c> event: what new lines added to a department's open invoice of <see cref="Month"/>, to be
/// added to the totals a page shows (a page that reconnects re-reads them).
/// </summary>
public sealed record InvoiceChangedPayload(string Month, Guid DepartmentId, int Lines, long AddedExclVatOre, long AddedVatOre, long AddedTotalOre)
{
    public static InvoiceChangedPayload Of(InvoiceChanged changed) => new(
        changed.Month, changed.DepartmentId, changed.Lines, changed.Added.ExclVatOre, changed.Added.VatOre, changed.Added.TotalOre);
}
