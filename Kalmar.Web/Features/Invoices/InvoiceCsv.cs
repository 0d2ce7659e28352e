using System.Globalization;
using CsvHelper;
using Kalmar.Contracts.Model;

namespace Kalmar.Web.Features.Invoices;

/// <summary>
/// Invoices and payroll files as a Swedish Excel opens them: semicolons, decimal comma without grouping (<c>1234,50</c>),
/// ISO dates, UTF-8 with a byte order mark. Rows are written as they are read, so memory does not grow with the month.
/// </summary>
public static class InvoiceCsv
{
    public static async Task WriteLinesAsync(Stream output, IAsyncEnumerable<InvoiceLine> lines, CancellationToken cancellationToken)
    {
        await using var csv = Create(output);
        await csv.WriteRecordAsync([
            "Datum", "Resenär", "Anställningsnummer", "Avdelning", "Referens", "Kostnadsställe", "Typ", "Produkt", "Zoner", "Syfte",
            "Belopp exkl. moms", "Moms", "Totalt"], cancellationToken);
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync([
                line.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Text(line.Traveller), Text(line.EmployeeNumber),
                Text(line.Department), Text(line.Reference), Text(line.CostCentre), InvoiceKinds.Describe(line.Kind), Text(line.Product),
                string.Join(", ", line.Zones), Text(line.Purpose ?? ""), Amount(line.AmountExclVatOre), Amount(line.VatOre), Amount(line.TotalOre)], cancellationToken);
        }
    }

    public static async Task WritePayrollAsync(Stream output, IAsyncEnumerable<PayrollRow> rows, string deduction, CancellationToken cancellationToken)
    {
        await using var csv = Create(output);
        await csv.WriteRecordAsync(["Anställningsnummer", "Namn", "Avdelning", "Belopp inkl. moms", "Avdrag"], cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync([
                Text(row.EmployeeNumber), Text(row.Name), Text(row.Department), Amount(row.TotalOre), PayrollDeductions.Describe(deduction)], cancellationToken);
        }
    }

    /// <summary>KLT's ledger of a month: one row per closed invoice.</summary>
    public static async Task WriteIssuedAsync(Stream output, IAsyncEnumerable<IssuedInvoice> invoices, CancellationToken cancellationToken)
    {
        await using var csv = Create(output);
        await csv.WriteRecordAsync([
            "Företag", "Organisationsnummer", "Fakturanummer", "OCR", "Fakturadatum", "Förfallodatum", "Belopp exkl. moms", "Moms", "Totalt"],
            cancellationToken);
        await foreach (var invoice in invoices.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync([
                Text(invoice.Company), invoice.OrgNumber ?? "", invoice.Number, invoice.Ocr, Date(invoice.IssueDate), Date(invoice.DueDate),
                Amount(invoice.SubtotalOre), Amount(invoice.VatOre), Amount(invoice.TotalOre)], cancellationToken);
        }
    }

    /// <summary><c>11700</c> → <c>117,00</c>, <c>-500</c> → <c>-5,00</c>: what Excel in Swedish reads as a number.</summary>
    public static string Amount(long ore) => (ore / 100m).ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Text as a cell, never as a formula: names and purposes are typed by users (CSV injection).</summary>
    private static string Text(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static CsvWriter Create(Stream output) =>
        CsvWriter.Create(output, new CsvWriterOptions { Separator = ';', WriteByteOrderMark = true }, leaveOpen: true);
}
