using Kalmar.Contracts.Domain;
using PdfSharp.Pdf;

namespace Kalmar.Web.Features.Invoices;

/// <summary>
/// An invoice as a Swedish PDF invoice (PDFsharp 6.2.4, MIT): seller and buyer with organisation numbers, number, OCR,
/// dates, the lines grouped per invoice reference with subtotals, the VAT summary and the total. PDFsharp holds the
/// document in memory until it is saved, so unlike the CSV a PDF's memory grows with its lines.
/// </summary>
public sealed class InvoicePdf
{
    public InvoicePdf(IConfiguration configuration) => PdfStyle.UseFonts(configuration);

    public async Task WriteAsync(
        Stream output, InvoiceHeader header, InvoiceBuyer buyer, IAsyncEnumerable<InvoiceLine> lines, CancellationToken cancellationToken)
    {
        using var document = new PdfDocument();
        document.Info.Title = header.Number is { } number ? $"Faktura {number}" : $"Preliminär faktura {header.Month}";
        document.Info.Author = InvoiceSeller.Name;
        var layout = new InvoicePdfLayout(document, header, buyer);
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            layout.Add(line);
        }

        layout.Finish();
        using var buffer = new MemoryStream();
        document.Save(buffer, false);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }
}
