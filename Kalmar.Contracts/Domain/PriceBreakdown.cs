namespace Kalmar.Contracts.Domain;

/// <summary>An amount in öre split into its part excluding VAT and the VAT; build it with <see cref="Vat"/>.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.PriceBreakdown")]
public sealed record PriceBreakdown(
    [property: Id(0)] long ExclVatOre,
    [property: Id(1)] long VatOre,
    [property: Id(2)] long TotalOre)
{
    public static PriceBreakdown Zero { get; } = new(0, 0, 0);

    public static PriceBreakdown operator +(PriceBreakdown left, PriceBreakdown right) =>
        new(left.ExclVatOre + right.ExclVatOre, left.VatOre + right.VatOre, left.TotalOre + right.TotalOre);

    /// <summary>The same amounts taken back: a credit line mirrors the line it credits, VAT and all.</summary>
    public PriceBreakdown Negated() => new(-ExclVatOre, -VatOre, -TotalOre);

    public PriceBreakdown Times(int quantity) => Vat.Breakdown(ExclVatOre * quantity);
}
