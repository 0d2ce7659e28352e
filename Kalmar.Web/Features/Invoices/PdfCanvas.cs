using System.Globalization;
using PdfSharp.Drawing;

namespace Kalmar.Web.Features.Invoices;

/// <summary>
/// One page's content stream for <see cref="StreamedPdf"/>, drawn as PDFsharp's layouts draw: points from the page's top
/// left corner, text placed by the top of its line. Text runs in Helvetica, measured through PDFsharp in a font of the
/// same widths (<see cref="InvoiceFonts.HelveticaMetrics"/>); a left-aligned text is cut with an ellipsis to its width
/// and clipped to it besides.
/// </summary>
public sealed class PdfCanvas : IDisposable
{
    public const string Regular = "F1", Bold = "F2", PageCount = "N";

    private static readonly XGraphics Measure = XGraphics.CreateMeasureContext(
        new XSize(StreamedPdf.Width, StreamedPdf.Height), XGraphicsUnit.Point, XPageDirection.Downwards);

    private readonly MemoryStream _content = new();

    /// <summary>Left-aligned text whose line starts at <paramref name="top"/>, cut and clipped to <paramref name="width"/>.</summary>
    public void Text(string text, double x, double top, double width, bool bold, double size, bool grey = false)
    {
        var fitted = text;
        while (fitted.Length > 1 && Width(fitted, bold, size) > width)
        {
            fitted = fitted[..^2] + "…";
        }

        Operators($"q {Number(x)} {Number(StreamedPdf.Height - top - size * 1.5)} {Number(width)} {Number(size * 1.5)} re W n ");
        Show(fitted, x, StreamedPdf.Height - Baseline(top, size), bold, size, grey);
        Operators("Q\n");
    }

    /// <summary>Text ending at <paramref name="right"/>.</summary>
    public void RightAligned(string text, double right, double top, bool bold, double size, bool grey = false) =>
        Show(text, right - Width(text, bold, size), StreamedPdf.Height - Baseline(top, size), bold, size, grey);

    /// <summary>The width of <paramref name="text"/> set in Helvetica.</summary>
    public static double Width(string text, bool bold, double size) => Measure.MeasureString(text, PdfStyle.HelveticaMetrics(size, bold)).Width;

    /// <summary>The document's page count, drawn by its form XObject with its left end at <paramref name="x"/>.</summary>
    public void PageCountAt(double x, double top, double size) =>
        Operators($"q 1 0 0 1 {Number(x)} {Number(StreamedPdf.Height - Baseline(top, size))} cm /{PageCount} Do Q\n");

    public void Line(double x1, double y1, double x2, double y2) =>
        Operators($"0.5 w {Number(x1)} {Number(StreamedPdf.Height - y1)} m {Number(x2)} {Number(StreamedPdf.Height - y2)} l S\n");

    /// <summary>The content of a form that shows <paramref name="text"/> with its baseline at the form's origin.</summary>
    public static byte[] Form(string text, bool bold, double size, bool grey)
    {
        using var form = new PdfCanvas();
        form.Show(text, 0, 0, bold, size, grey);
        return form._content.ToArray();
    }

    public void CopyTo(Stream destination)
    {
        _content.Position = 0;
        _content.CopyTo(destination);
    }

    public void Clear() => _content.SetLength(0);

    public void Dispose() => _content.Dispose();

    /// <summary>Where a line of text whose top is at <paramref name="top"/> sits: Helvetica's capitals rise 0.718 of its size, its accents above them.</summary>
    private static double Baseline(double top, double size) => top + size * 0.9;

    /// <summary>Text with its baseline at (<paramref name="x"/>, <paramref name="y"/>) in PDF space (from the bottom left).</summary>
    private void Show(string text, double x, double y, bool bold, double size, bool grey)
    {
        Operators($"BT /{(bold ? Bold : Regular)} {Number(size)} Tf {(grey ? "0.4" : "0")} g {Number(x)} {Number(y)} Td ");
        _content.Write(StreamedPdf.LiteralBytes(text));
        Operators(" Tj ET\n");
    }

    private void Operators(string operators)
    {
        foreach (var c in operators)
        {
            _content.WriteByte((byte)c);
        }
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
