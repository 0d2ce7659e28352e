namespace Kalmar.Contracts.Domain;

/// <summary>Swedish VAT on passenger transport: 6 % of the price excluding VAT.</summary>
public static class Vat
{
    public const int RatePercent = 6;

    /// <summary>
    /// VAT in öre on one line, rounded half away from zero (so a refund line mirrors its sale).
    /// Callers pass the line's whole amount (unit price × quantity): VAT is per line, never on a sum.
    /// </summary>
    public static long On(long exclVatOre) =>
        (long)Math.Round(exclVatOre * (decimal)RatePercent / 100m, MidpointRounding.AwayFromZero);

    public static PriceBreakdown Breakdown(long exclVatOre)
    {
        var vat = On(exclVatOre);
        return new PriceBreakdown(exclVatOre, vat, exclVatOre + vat);
    }

    /// <summary>Totals of lines, each already rounded, so the total equals the sum of what each line shows.</summary>
    public static PriceBreakdown Sum(IEnumerable<PriceBreakdown> lines) =>
        lines.Aggregate(PriceBreakdown.Zero, (total, line) => total + line);
}
