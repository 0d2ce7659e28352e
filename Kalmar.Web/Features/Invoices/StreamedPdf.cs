using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Kalmar.Web.Features.Invoices;

/// <summary>
/// A PDF written to its stream page by page, for documents too long to hold: PDFsharp keeps every page until it saves,
/// so a month of 200,000 invoice lines took memory in proportion to its lines. Each finished page is compressed and
/// written at once; what stays is one page's content and 16 bytes a page for the cross-reference table at the end.
/// Text is in Helvetica and Helvetica-Bold (PDF's standard fonts: every reader has them, nothing to embed), WinAnsi-
/// encoded. The total page count, unknown until the end, is a form XObject that every page's footer draws.
/// </summary>
/// <remarks>
/// Object numbers: 1 catalog, 2 page tree (written last, its kids being 7, 9, 11, …), 3 and 4 the fonts, 5 the page
/// count, then for page <c>i</c> its content <c>6 + 2i</c> and the page <c>7 + 2i</c>; the document information last.
/// </remarks>
public sealed class StreamedPdf : IDisposable
{
    public const double Width = 595.28, Height = 841.89; // A4 in points

    private const int FirstPageObject = 6;
    private static readonly Encoding WinAnsi = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private readonly Stream _output;
    private readonly List<long> _offsets = [0]; // by object number; object 0 is the free list's head
    private readonly MemoryStream _compressed = new();
    private long _position;
    private int _pages;

    private StreamedPdf(Stream output) => _output = output;

    /// <summary>The number (from 1) of the page being drawn.</summary>
    public int PageNumber => _pages + 1;

    /// <summary>The page being drawn: its content stream's operators.</summary>
    public PdfCanvas Page { get; } = new();

    /// <summary>Writes the header, the catalog and the fonts, and opens the first page.</summary>
    public static async Task<StreamedPdf> StartAsync(Stream output, CancellationToken cancellationToken)
    {
        var pdf = new StreamedPdf(output);
        await pdf.WriteAsync("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n", cancellationToken);
        await pdf.ObjectAsync(1, "<< /Type /Catalog /Pages 2 0 R >>", cancellationToken);
        await pdf.ObjectAsync(2, null, cancellationToken); // reserved: the page tree is written once the pages are counted
        await pdf.ObjectAsync(3, Font("Helvetica"), cancellationToken);
        await pdf.ObjectAsync(4, Font("Helvetica-Bold"), cancellationToken);
        await pdf.ObjectAsync(5, null, cancellationToken); // reserved: the page count
        return pdf;
    }

    /// <summary>Writes the page drawn so far and starts a blank one.</summary>
    public async Task NextPageAsync(CancellationToken cancellationToken)
    {
        _compressed.SetLength(0);
        await using (var zlib = new ZLibStream(_compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            Page.CopyTo(zlib);
        }

        var content = FirstPageObject + 2 * _pages;
        await ObjectAsync(content, $"<< /Length {_compressed.Length} /Filter /FlateDecode >>\nstream\n", cancellationToken);
        _compressed.Position = 0;
        await _compressed.CopyToAsync(_output, cancellationToken);
        _position += _compressed.Length;
        await WriteAsync("\nendstream\nendobj\n", cancellationToken);
        await ObjectAsync(content + 1,
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {Width.ToString(CultureInfo.InvariantCulture)} {Height.ToString(CultureInfo.InvariantCulture)}] " +
            $"/Resources << /Font << /{PdfCanvas.Regular} 3 0 R /{PdfCanvas.Bold} 4 0 R >> /XObject << /{PdfCanvas.PageCount} 5 0 R >> >> /Contents {content} 0 R >>",
            cancellationToken);
        _pages++;
        Page.Clear();
    }

    /// <summary>
    /// Writes the last page, then the page count (drawn in <paramref name="pageCountFont"/> at its size, grey, as the
    /// footers expect it), the page tree, the document information and the cross-reference table.
    /// </summary>
    public async Task FinishAsync(string title, string author, (bool Bold, double Size) pageCountFont, CancellationToken cancellationToken)
    {
        await NextPageAsync(cancellationToken);
        var countBytes = PdfCanvas.Form(_pages.ToString(CultureInfo.InvariantCulture), pageCountFont.Bold, pageCountFont.Size, grey: true);
        await ObjectAsync(5,
            $"<< /Type /XObject /Subtype /Form /BBox [0 -5 100 {pageCountFont.Size * 2}] " +
            $"/Resources << /Font << /{PdfCanvas.Regular} 3 0 R /{PdfCanvas.Bold} 4 0 R >> >> /Length {countBytes.Length} >>\nstream\n",
            cancellationToken);
        await WriteAsync(countBytes, cancellationToken);
        await WriteAsync("\nendstream\nendobj\n", cancellationToken);

        await ObjectAsync(2, "<< /Type /Pages /Count " + _pages.ToString(CultureInfo.InvariantCulture) + " /Kids [", cancellationToken, close: false);
        for (var page = 0; page < _pages; page++)
        {
            await WriteAsync($"{FirstPageObject + 2 * page + 1} 0 R ", cancellationToken);
        }

        await WriteAsync("] >>\nendobj\n", cancellationToken);
        var info = FirstPageObject + 2 * _pages;
        await ObjectAsync(info, $"<< /Title {Literal(title)} /Author {Literal(author)} /Producer (Foretagsportalen) >>", cancellationToken);

        var xref = _position;
        var table = new StringBuilder($"xref\n0 {_offsets.Count}\n0000000000 65535 f \n");
        foreach (var offset in _offsets.Skip(1))
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {_offsets.Count} /Root 1 0 R /Info {info} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        await WriteAsync(table.ToString(), cancellationToken);
        await _output.FlushAsync(cancellationToken);
    }

    public void Dispose()
    {
        _compressed.Dispose();
        Page.Dispose();
    }

    /// <summary>A PDF string literal of <paramref name="text"/> in WinAnsi, with its delimiters and escapes.</summary>
    public static byte[] LiteralBytes(string text)
    {
        var bytes = WinAnsi.GetBytes(text);
        var escaped = new List<byte>(bytes.Length + 2) { (byte)'(' };
        foreach (var b in bytes)
        {
            if (b is (byte)'(' or (byte)')' or (byte)'\\')
            {
                escaped.Add((byte)'\\');
            }

            escaped.Add(b);
        }

        escaped.Add((byte)')');
        return [.. escaped];
    }

    private static string Literal(string text) => WinAnsi.GetString(LiteralBytes(text));

    private static string Font(string name) => $"<< /Type /Font /Subtype /Type1 /BaseFont /{name} /Encoding /WinAnsiEncoding >>";

    /// <summary>
    /// Records where object <paramref name="number"/> starts. A <paramref name="body"/> of null only reserves the number
    /// for an object written later; a body ending in "stream\n" is left open for its data.
    /// </summary>
    private async Task ObjectAsync(int number, string? body, CancellationToken cancellationToken, bool close = true)
    {
        while (_offsets.Count <= number)
        {
            _offsets.Add(0);
        }

        if (body is null)
        {
            return;
        }

        _offsets[number] = _position;
        var open = body.EndsWith("stream\n", StringComparison.Ordinal) || !close;
        await WriteAsync($"{number} 0 obj\n{body}{(open ? "" : "\nendobj\n")}", cancellationToken);
    }

    private Task WriteAsync(string text, CancellationToken cancellationToken) => WriteAsync(WinAnsi.GetBytes(text), cancellationToken);

    private async Task WriteAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        await _output.WriteAsync(bytes, cancellationToken);
        _position += bytes.Length;
    }
}
