namespace Kalmar.Contracts.Domain;

/// <summary>
/// The OCR reference a payment of an invoice carries, as Bankgirot's "hård kontroll" with variable length checks it:
/// the invoice number's digits, then a length digit (the whole reference's length mod 10, so a dropped or added digit is
/// caught), then a Luhn check digit over everything before it. Invoice 202600001 → <c>20260000110</c>.
/// </summary>
public static class InvoiceOcr
{
    public static string For(string invoiceNumber)
    {
        var withLength = invoiceNumber + (char)('0' + (invoiceNumber.Length + 2) % 10);
        return withLength + Luhn.CheckDigit(withLength);
    }

    public static bool IsValid(string? ocr) =>
        ocr is { Length: >= 3 } && ocr.All(char.IsAsciiDigit) && ocr[^2] - '0' == ocr.Length % 10 && Luhn.IsValid(ocr);
}
