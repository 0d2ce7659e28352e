using PdfSharp.Fonts;

namespace Kalmar.Web.Features.Invoices;

/// <summary>
/// PDFsharp finds no fonts by itself on Linux. Receipts are set in DejaVu Sans (<c>fonts-dejavu-core</c>); the streamed
/// invoice is set in PDF's own Helvetica and measured in Liberation Sans (<c>fonts-liberation</c>), whose glyphs have
/// Helvetica's widths. Both are installed by the Dockerfiles and CI; <c>Invoices:FontFolder</c> names a folder that
/// holds the four files instead.
/// </summary>
public sealed class InvoiceFonts(string? folder) : IFontResolver
{
    public const string Family = "DejaVu Sans";
    public const string HelveticaMetrics = "Liberation Sans";

    private static readonly string[] DefaultFolders = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation"];

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => familyName == HelveticaMetrics
        ? new(bold ? "LiberationSans-Bold" : "LiberationSans-Regular")
        : new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName)
    {
        string[] folders = folder is null ? DefaultFolders : [folder];
        return folders.Select(f => Path.Combine(f, faceName + ".ttf")).FirstOrDefault(File.Exists) is { } path
            ? File.ReadAllBytes(path)
            : throw new FileNotFoundException(
                $"The PDF font {faceName}.ttf is missing: install fonts-dejavu-core and fonts-liberation, or set Invoices:FontFolder.", faceName);
    }
}
