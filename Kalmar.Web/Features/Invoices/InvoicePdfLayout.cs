using System.Globalization;
using Kalmar.Contracts.Domain;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Kalmar.Web.Features.Invoices;

/// <summary>
/// Draws an invoice's pages line by line (A4, points): the head on the first page, a table whose header repeats on every
/// page, a heading and a subtotal per invoice reference, then the VAT summary and the total; page numbers last.
/// Text is WinAnsi-encoded (å, ä, ö are in it), so the PDF's text can be searched and read back.
/// </summary>
internal sealed class InvoicePdfLayout
{
    private const double Left = 40, Right = 555, Bottom = 790, Row = 11;

    private static readonly XFont Regular = PdfStyle.Font(7.5);
    private static readonly XFont Bold = PdfStyle.Font(7.5, bold: true);
    private static readonly XFont Heading = PdfStyle.Font(9.5, bold: true);
    private static readonly XFont Title = PdfStyle.Font(16, bold: true);

    // Datum, Typ, Resenär, Anst.nr, Produkt och syfte, Zoner, Exkl. moms, Moms, Totalt.
    private static readonly (string Title, double X, double Width, bool Amount)[] Columns =
    [
        ("Datum", 40, 46, false), ("Typ", 86, 56, false), ("Resenär", 142, 84, false), ("Anst.nr", 226, 38, false),
        ("Produkt, syfte", 264, 128, false), ("Zoner", 392, 38, false), ("Exkl. moms", 430, 45, true), ("Moms", 475, 35, true),
        ("Totalt", 510, 45, true),
    ];

    private readonly PdfDocument _document;
    private readonly InvoiceHeader _header;
    private XGraphics _gfx = null!;
    private double _y;
    private string? _reference;
    private PriceBreakdown _group = PriceBreakdown.Zero, _total = PriceBreakdown.Zero;

    public InvoicePdfLayout(PdfDocument document, InvoiceHeader header, InvoiceBuyer buyer)
    {
        (_document, _header) = (document, header);
        NewPage();
        DrawHead(buyer);
        DrawTableHeader();
    }

    public void Add(InvoiceLine line)
    {
        if (line.Reference != _reference)
        {
            EndGroup();
            Ensure(3 * Row);
            _y += 4;
            Text($"Referens {line.Reference} – {line.Department}" + (line.CostCentre.Length > 0 ? $", kostnadsställe {line.CostCentre}" : ""), Bold, Left, Right - Left);
            _y += Row;
            _reference = line.Reference;
        }

        Ensure(Row);
        var product = line.Purpose is { Length: > 0 } purpose ? $"{line.Product} – {purpose}" : line.Product;
        string[] cells =
        [
            line.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), InvoiceKinds.Describe(line.Kind), line.Traveller, line.EmployeeNumber,
            product, string.Join(", ", line.Zones), Amount(line.AmountExclVatOre), Amount(line.VatOre), Amount(line.TotalOre),
        ];
        for (var i = 0; i < Columns.Length; i++)
        {
            Cell(cells[i], Regular, i);
        }

        _y += Row;
        var amounts = new PriceBreakdown(line.AmountExclVatOre, line.VatOre, line.TotalOre);
        (_group, _total) = (_group + amounts, _total + amounts);
    }

    public void Finish()
    {
        if (_reference is null)
        {
            Text("Inga köp den här månaden.", Regular, Left, Right - Left);
            _y += Row;
        }

        EndGroup();
        Ensure(7 * Row);
        _y += Row;
        _gfx.DrawLine(XPens.Black, Left, _y, Right, _y);
        _y += 4;
        Summary("Momsunderlag 6 %", _total.ExclVatOre, Regular);
        Summary("Moms 6 %", _total.VatOre, Regular);
        Summary("Summa exkl. moms", _total.ExclVatOre, Regular);
        Summary(_header.Closed ? "Att betala" : "Summa hittills (preliminär)", _total.TotalOre, Heading);
        if (_header.Closed)
        {
            _y += Row;
            Text($"Betala senast {Date(_header.DueDate)} och ange OCR-nummer {_header.Ocr}.", Regular, Left, Right - Left);
        }

        _gfx.Dispose();
        NumberPages();
    }

    private void DrawHead(InvoiceBuyer buyer)
    {
        _gfx.DrawString(_header.Closed ? "Faktura" : "Preliminär faktura – ej att betala", Title, XBrushes.Black, new XRect(Left, 40, 400, 20), XStringFormats.TopLeft);
        Lines(Left, 75, [(InvoiceSeller.Name, Bold), (InvoiceSeller.LegalName, Regular), ($"Org.nr {InvoiceSeller.OrgNumber}", Regular)]);
        Lines(330, 75, [
            ("Faktureras", Bold), (buyer.Name, Regular), (buyer.Address.Street, Regular),
            ($"{buyer.Address.PostalCode} {buyer.Address.City}".Trim(), Regular), ($"Org.nr {buyer.OrgNumber}", Regular)]);
        var month = Stockholm.MonthName(_header.Month);
        (string, string)[] facts = _header.Closed
            ? [("Fakturanummer", _header.Number!), ("Fakturadatum", Date(_header.IssueDate)), ("Förfallodag", Date(_header.DueDate)),
               ("OCR-nummer", _header.Ocr!), ("Period", month), ("Betalningsvillkor", $"{InvoiceSeller.PaymentTermDays} dagar netto")]
            : [("Period", month), ("Status", "Månaden är öppen; beloppen kan ändras till månadens slut.")];
        _y = 150;
        foreach (var (label, value) in facts)
        {
            Text(label, Bold, Left, 90);
            Text(value, Regular, Left + 90, 400);
            _y += Row;
        }

        _y += Row;
    }

    private void DrawTableHeader()
    {
        for (var i = 0; i < Columns.Length; i++)
        {
            Cell(Columns[i].Title, Bold, i);
        }

        _y += Row;
        _gfx.DrawLine(XPens.Black, Left, _y - 2, Right, _y - 2);
    }

    private void EndGroup()
    {
        if (_reference is null)
        {
            return;
        }

        Ensure(Row);
        Text($"Summa referens {_reference}", Bold, Columns[4].X, 160);
        Cell(Amount(_group.ExclVatOre), Bold, 6);
        Cell(Amount(_group.VatOre), Bold, 7);
        Cell(Amount(_group.TotalOre), Bold, 8);
        _y += Row + 2;
        _group = PriceBreakdown.Zero;
    }

    private void Summary(string label, long ore, XFont font)
    {
        Text(label, font, 330, 120);
        _gfx.DrawString($"{Amount(ore)} kr", font, XBrushes.Black, new XRect(450, _y, Right - 450, Row), XStringFormats.TopRight);
        _y += font.Size > 9 ? Row + 3 : Row;
    }

    private void Ensure(double height)
    {
        if (_y + height > Bottom)
        {
            _gfx.Dispose();
            NewPage();
            DrawTableHeader();
        }
    }

    private void NewPage()
    {
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        _gfx = XGraphics.FromPdfPage(page);
        _y = 40;
    }

    private void NumberPages()
    {
        var count = _document.PageCount;
        var what = _header.Number is { } number ? $"Faktura {number}" : $"Preliminär faktura {_header.Month}";
        for (var i = 0; i < count; i++)
        {
            using var gfx = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            gfx.DrawString($"{InvoiceSeller.Name} · {InvoiceSeller.LegalName} · Org.nr {InvoiceSeller.OrgNumber} · {what} · Sida {i + 1} av {count}",
                Regular, XBrushes.Gray, new XRect(Left, 810, Right - Left, Row), XStringFormats.TopCenter);
        }
    }

    private void Lines(double x, double y, (string Text, XFont Font)[] lines)
    {
        foreach (var (text, font) in lines)
        {
            _gfx.DrawString(text, font, XBrushes.Black, new XRect(x, y, 220, Row), XStringFormats.TopLeft);
            y += Row;
        }
    }

    private void Cell(string text, XFont font, int column)
    {
        var (_, x, width, amount) = Columns[column];
        if (amount)
        {
            _gfx.DrawString(text, font, XBrushes.Black, new XRect(x, _y, width, Row), XStringFormats.TopRight);
        }
        else
        {
            Text(text, font, x, width - 3);
        }
    }

    /// <summary>Left-aligned, cut with an ellipsis where it would run into the next column.</summary>
    private void Text(string text, XFont font, double x, double width)
    {
        var fitted = text;
        while (fitted.Length > 1 && _gfx.MeasureString(fitted, font).Width > width)
        {
            fitted = fitted[..^2] + "…";
        }

        _gfx.DrawString(fitted, font, XBrushes.Black, new XRect(x, _y, width, Row), XStringFormats.TopLeft);
    }

    private static string Amount(long ore) => PdfStyle.Amount(ore);

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
