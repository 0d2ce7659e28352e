using System.Globalization;
using Kalmar.Contracts.Domain;

namespace Kalmar.Web.Features.Invoices;

/// <summary>
/// Draws an invoice's pages line by line (A4, points from the top): the head on the first page, a table whose header
/// repeats on every page, a heading and a subtotal per invoice reference, then the VAT summary and the total; each page's
/// footer names the invoice and the page ("Sida 3 av 12"). A full page is written out before the next is drawn.
/// </summary>
internal sealed class InvoicePdfLayout : IDisposable
{
    private const double Left = 40, Right = 555, Bottom = 790, Row = 11;

    private static readonly Font Regular = new(false, 7.5);
    private static readonly Font Bold = new(true, 7.5);
    private static readonly Font Heading = new(true, 9.5);
    private static readonly Font Title = new(true, 16);

    // Datum, Typ, Resenär, Anst.nr, Produkt och syfte, Zoner, Exkl. moms, Moms, Totalt.
    private static readonly (string Title, double X, double Width, bool Amount)[] Columns =
    [
        ("Datum", 40, 46, false), ("Typ", 86, 66, false), ("Resenär", 152, 76, false), ("Anst.nr", 228, 36, false),
        ("Produkt, syfte", 264, 128, false), ("Zoner", 392, 38, false), ("Exkl. moms", 430, 45, true), ("Moms", 475, 35, true),
        ("Totalt", 510, 45, true),
    ];

    private readonly StreamedPdf _pdf;
    private readonly InvoiceHeader _header;
    private readonly CancellationToken _cancellationToken;
    private double _y;
    private string? _reference;
    private PriceBreakdown _group = PriceBreakdown.Zero, _total = PriceBreakdown.Zero;

    private InvoicePdfLayout(StreamedPdf pdf, InvoiceHeader header, CancellationToken cancellationToken) =>
        (_pdf, _header, _cancellationToken) = (pdf, header, cancellationToken);

    private PdfCanvas Page => _pdf.Page;

    private string Name => _header.Number is { } number ? $"Faktura {number}" : $"Preliminär faktura {_header.Month}";

    /// <summary>Starts the document on <paramref name="output"/> with the first page's head and table header.</summary>
    public static async Task<InvoicePdfLayout> StartAsync(Stream output, InvoiceHeader header, InvoiceBuyer buyer, CancellationToken cancellationToken)
    {
        var layout = new InvoicePdfLayout(await StreamedPdf.StartAsync(output, cancellationToken), header, cancellationToken);
        layout.NewPage();
        layout.DrawHead(buyer);
        layout.DrawTableHeader();
        return layout;
    }

    public async Task AddAsync(InvoiceLine line)
    {
        if (line.Reference != _reference)
        {
            await EndGroupAsync();
            await EnsureAsync(3 * Row);
            _y += 4;
            Text($"Referens {line.Reference} – {line.Department}" + (line.CostCentre.Length > 0 ? $", kostnadsställe {line.CostCentre}" : ""), Bold, Left, Right - Left);
            _y += Row;
            _reference = line.Reference;
        }

        await EnsureAsync(Row);
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

    /// <summary>Ends the table with the VAT summary and the total, and writes the rest of the document.</summary>
    public async Task FinishAsync()
    {
        if (_reference is null)
        {
            Text("Inga köp den här månaden.", Regular, Left, Right - Left);
            _y += Row;
        }

        await EndGroupAsync();
        await EnsureAsync(7 * Row);
        _y += Row;
        Page.Line(Left, _y, Right, _y);
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

        await _pdf.FinishAsync(Name, InvoiceSeller.Name, (Regular.IsBold, Regular.Size), _cancellationToken);
    }

    public void Dispose() => _pdf.Dispose();

    private void DrawHead(InvoiceBuyer buyer)
    {
        _y = 40;
        Text(_header.Closed ? "Faktura" : "Preliminär faktura – ej att betala", Title, Left, 400);
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
        Page.Line(Left, _y - 2, Right, _y - 2);
    }

    private async Task EndGroupAsync()
    {
        if (_reference is null)
        {
            return;
        }

        await EnsureAsync(Row);
        Text($"Summa referens {_reference}", Bold, Columns[4].X, 160);
        Cell(Amount(_group.ExclVatOre), Bold, 6);
        Cell(Amount(_group.VatOre), Bold, 7);
        Cell(Amount(_group.TotalOre), Bold, 8);
        _y += Row + 2;
        _group = PriceBreakdown.Zero;
    }

    private void Summary(string label, long ore, Font font)
    {
        Text(label, font, 330, 120);
        Page.RightAligned($"{Amount(ore)} kr", Right, _y, font.IsBold, font.Size);
        _y += font.Size > 9 ? Row + 3 : Row;
    }

    private async Task EnsureAsync(double height)
    {
        if (_y + height > Bottom)
        {
            await _pdf.NextPageAsync(_cancellationToken);
            NewPage();
            DrawTableHeader();
        }
    }

    /// <summary>A blank page's footer; the page count is filled in by the document's end.</summary>
    private void NewPage()
    {
        _y = 810;
        Text($"{InvoiceSeller.Name} · {InvoiceSeller.LegalName} · Org.nr {InvoiceSeller.OrgNumber} · {Name}", Regular, Left, 400, grey: true);
        var page = $"Sida {_pdf.PageNumber} av ";
        Text(page, Regular, 480, 60, grey: true);
        Page.PageCountAt(480 + PdfCanvas.Width(page, Regular.IsBold, Regular.Size), _y, Regular.Size);
        _y = 40;
    }

    private void Lines(double x, double y, (string Text, Font Font)[] lines)
    {
        _y = y;
        foreach (var (text, font) in lines)
        {
            Text(text, font, x, 220);
            _y += Row;
        }
    }

    private void Cell(string text, Font font, int column)
    {
        var (_, x, width, amount) = Columns[column];
        if (amount)
        {
            Page.RightAligned(text, x + width, _y, font.IsBold, font.Size);
        }
        else
        {
            Text(text, font, x, width - 3);
        }
    }

    private void Text(string text, Font font, double x, double width, bool grey = false) =>
        Page.Text(text, x, _y, width, font.IsBold, font.Size, grey);

    private static string Amount(long ore) => PdfStyle.Amount(ore);

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private sealed record Font(bool IsBold, double Size);
}
