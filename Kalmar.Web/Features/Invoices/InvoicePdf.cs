namespace Kalmar.Web.Features.Invoices;

/// <summary>
/// An invoice as a Swedish PDF invoice: seller and buyer with organisation numbers, number, OCR, dates, the lines grouped
/// per invoice reference with subtotals, the VAT summary and the total. Written page by page as the lines are read
/// (<see cref="StreamedPdf"/>), so a month of any size takes the memory of one page.
/// </summary>
public sealed class InvoicePdf
{
    public InvoicePdf(IConfiguration configuration) => PdfStyle.UseFonts(configuration);

    public async Task WriteAsync(
        Stream output, InvoiceHeader header, InvoiceBuyer buyer, IAsyncEnumerable<InvoiceLine> lines, CancellationToken cancellationToken)
    {
        using var layout = await InvoicePdfLayout.StartAsync(output, header, buyer, cancellationToken);
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            await layout.AddAsync(line);
        }

        await layout.FinishAsync();
    }
}
