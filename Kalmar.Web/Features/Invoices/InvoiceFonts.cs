using PdfSharp.Fonts;

namespace Kalmar.Web.Features.Invoices;

/// <summary>
/// PDFsharp finds no fonts by itself on Linux: the invoice uses DejaVu Sans from <c>fonts-dejavu-core</c> (installed by
/// the Dockerfiles and CI), or from the folder in <c>Invoices:FontFolder</c>.
/// </summary>
public sealed class InvoiceFonts(string folder) : IFontResolver
{
    public const string Family = "DejaVu Sans";
    public const string DefaultFolder = "/usr/share/fonts/truetype/dejavu";

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName)
    {
        var path = Path.Combine(folder, faceName + ".ttf");
        return File.Exists(path)
            ? File.ReadAllBytes(path)
            : throw new FileNotFoundException($"The invoice font {path} is missing: install fonts-dejavu-core or set Invoices:FontFolder.", path);
    }
}
