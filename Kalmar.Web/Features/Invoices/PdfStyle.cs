using Kalmar.Contracts.Domain;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Kalmar.Web.Features.Invoices;

/// <summary>
/// What every PDF we write shares (invoices and receipts): the fonts registered once per process, WinAnsi-encoded
/// text (å, ä, ö are in it) so the PDF's text can be searched and read back, and amounts as the portal writes them.
/// </summary>
public static class PdfStyle
{
    private static readonly Lock FontGate = new();
    private static readonly XPdfFontOptions WinAnsi = new(PdfFontEncoding.WinAnsi);

    /// <summary>PDFsharp's font resolver is process-wide: the first PDF writer constructed sets it.</summary>
    public static void UseFonts(IConfiguration configuration)
    {
        lock (FontGate)
        {
            GlobalFontSettings.FontResolver ??= new InvoiceFonts(configuration["Invoices:FontFolder"] is { Length: > 0 } folder ? folder : null);
        }
    }

    public static XFont Font(double size, bool bold = false) =>
        new(InvoiceFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, WinAnsi);

    /// <summary>Helvetica's widths at <paramref name="size"/>, to measure what <see cref="PdfCanvas"/> sets in Helvetica.</summary>
    public static XFont HelveticaMetrics(double size, bool bold) =>
        new(InvoiceFonts.HelveticaMetrics, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, WinAnsi);

    /// <summary>Swedish amounts as in the portal, with a hyphen for minus (WinAnsi has no U+2212).</summary>
    public static string Amount(long ore) => Money.ToNumber(ore).Replace(Money.MinusSign, '-');
}
