using Kalmar.Contracts.Domain;
using Kalmar.Web.Features.Invoices;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Kalmar.Web.Features.Receipts;

/// <summary>
/// A purchase's receipt (kvitto) as a one-page PDF: seller and buyer, when, what, the amount excluding VAT, the VAT, the
/// total and how it was paid; the number is the purchase's id. Fonts and text encoding are the invoice's (<see cref="PdfStyle"/>).
/// </summary>
public sealed class ReceiptPdf
{
    private const double Left = 50, Right = 545, Row = 15;

    private static readonly XFont Regular = PdfStyle.Font(10);
    private static readonly XFont Bold = PdfStyle.Font(10, bold: true);
    private static readonly XFont Total = PdfStyle.Font(12, bold: true);
    private static readonly XFont Title = PdfStyle.Font(20, bold: true);

    public ReceiptPdf(IConfiguration configuration) => PdfStyle.UseFonts(configuration);

    public byte[] Write(Receipt receipt)
    {
        var purchase = receipt.Purchase;
        using var document = new PdfDocument();
        document.Info.Title = $"Kvitto {purchase.Id}";
        document.Info.Author = InvoiceSeller.Name;
        var page = document.AddPage();
        page.Size = PageSize.A4;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            gfx.DrawString("Kvitto", Title, XBrushes.Black, new XRect(Left, 50, 300, 24), XStringFormats.TopLeft);
            var y = Lines(gfx, Left, 95, [("Säljare", Bold), (InvoiceSeller.Name, Regular), (InvoiceSeller.LegalName, Regular), ($"Org.nr {InvoiceSeller.OrgNumber}", Regular)]);
            Lines(gfx, 300, 95, [("Köpare", Bold), (receipt.Buyer, Regular), (receipt.Company, Regular),
                (receipt.CompanyOrgNumber is { } org ? $"Org.nr {org}" : "", Regular)]);
            y += Row;
            (string Label, string Value)[] facts =
            [
                ("Kvittonummer", purchase.Id.ToString()), ("Datum och tid", Stockholm.Format(purchase.Date)),
                ("Typ", PurchaseKinds.Describe(purchase.Kind)), ("Produkt", purchase.Product), ("Zoner", string.Join(", ", purchase.Zones)),
                ("Syfte", purchase.Purpose ?? ""), ("Betalning", PurchaseKinds.Payment(purchase.Kind)),
            ];
            foreach (var (label, value) in facts.Where(fact => fact.Value.Length > 0))
            {
                gfx.DrawString(label, Bold, XBrushes.Black, new XRect(Left, y, 110, Row), XStringFormats.TopLeft);
                gfx.DrawString(value, Regular, XBrushes.Black, new XRect(Left + 110, y, Right - Left - 110, Row), XStringFormats.TopLeft);
                y += Row;
            }

            y += Row;
            gfx.DrawLine(XPens.Black, Left, y, Right, y);
            y += 6;
            y = Amount(gfx, y, "Belopp exkl. moms", purchase.AmountExclVatOre, Regular);
            y = Amount(gfx, y, $"Moms {Vat.RatePercent} %", purchase.VatOre, Regular);
            y = Amount(gfx, y, "Totalt", purchase.TotalOre, Total);
            y += Row;
            Lines(gfx, Left, y, [($"Moms {Vat.RatePercent} % på persontransport.", Regular), (PaidBy(purchase.Kind), Regular)], XBrushes.Gray);
        }

        using var buffer = new MemoryStream();
        document.Save(buffer, false);
        return buffer.ToArray();
    }

    private static string PaidBy(string kind) => kind == InvoiceKinds.StaffOffer
        ? "Din arbetsgivare faktureras och drar beloppet på din lön."
        : "Din arbetsgivare faktureras i efterhand.";

    private static double Amount(XGraphics gfx, double y, string label, long ore, XFont font)
    {
        gfx.DrawString(label, font, XBrushes.Black, new XRect(300, y, 140, Row), XStringFormats.TopLeft);
        gfx.DrawString($"{PdfStyle.Amount(ore)} kr", font, XBrushes.Black, new XRect(440, y, Right - 440, Row), XStringFormats.TopRight);
        return y + Row + (font.Size > 10 ? 3 : 0);
    }

    private static double Lines(XGraphics gfx, double x, double y, (string Text, XFont Font)[] lines, XBrush? brush = null)
    {
        foreach (var (text, font) in lines)
        {
            gfx.DrawString(text, font, brush ?? XBrushes.Black, new XRect(x, y, Right - x, Row), XStringFormats.TopLeft);
            y += Row;
        }

        return y;
    }
}
