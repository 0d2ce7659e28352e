using System.Diagnostics.CodeAnalysis;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Fares;

namespace Kalmar.Grains.Fares;

/// <summary>
/// Prices excluding VAT per product × category × zone count, from products.csv, categories.csv
/// and prices.csv. Loaded once at start; immutable afterwards and safe to share.
/// </summary>
public sealed class PriceTable
{
    public const string ZonesError = "Antalet zoner måste vara minst 1.";

    private readonly Dictionary<string, FareProduct> _products;
    private readonly Dictionary<string, FareCategory> _categories;
    private readonly Dictionary<(string Product, string Category, int Zones), long> _prices;

    private PriceTable(List<FareProduct> products, List<FareCategory> categories, Dictionary<(string, string, int), long> prices)
    {
        Products = products;
        Categories = categories;
        _products = products.ToDictionary(p => p.Id, StringComparer.Ordinal);
        _categories = categories.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _prices = prices;
    }

    /// <summary>In file order, the order in which they are offered.</summary>
    public IReadOnlyList<FareProduct> Products { get; }

    public IReadOnlyList<FareCategory> Categories { get; }

    /// <summary>Loads the folder holding the three files; throws <see cref="InvalidDataException"/> if one is broken or a price is missing.</summary>
    public static PriceTable Load(string folder) => PriceTableReader.Read(folder, (p, c, prices) => new PriceTable(p, c, prices));

    public bool TryQuote(
        string? productId,
        string? categoryId,
        int zones,
        [NotNullWhen(true)] out FareQuote? quote,
        [NotNullWhen(false)] out string? error)
    {
        quote = null;
        if (!_products.TryGetValue(productId ?? "", out var product))
        {
            error = $"Okänd biljettyp '{productId}'.";
        }
        else if (!_categories.TryGetValue(categoryId ?? "", out var category))
        {
            error = $"Okänd resenärskategori '{categoryId}'.";
        }
        else if (zones < 1)
        {
            error = ZonesError;
        }
        else
        {
            var priced = Math.Min(zones, product.MaxZones);
            quote = new FareQuote(product, category, zones, priced, Vat.Breakdown(_prices[(product.Id, category.Id, priced)]));
            error = null;
        }

        return quote is not null;
    }

    /// <summary>Like <see cref="TryQuote"/>, but an unknown product or category or a zone count under 1 throws <see cref="ArgumentException"/>.</summary>
    public FareQuote Quote(string productId, string categoryId, int zones) =>
        TryQuote(productId, categoryId, zones, out var quote, out var error) ? quote : throw new ArgumentException(error);

    /// <summary>Every product × category priced for <paramref name="zones"/> zones, products first, both in file order.</summary>
    public IReadOnlyList<FareQuote> ProductsFor(int zones) =>
        zones < 1 ? throw new ArgumentOutOfRangeException(nameof(zones), ZonesError)
            : [.. Products.SelectMany(p => Categories.Select(c => Quote(p.Id, c.Id, zones)))];

    /// <summary>As <see cref="ProductsFor(int)"/> for a journey's zones (each distinct zone counts once).</summary>
    public IReadOnlyList<FareQuote> ProductsFor(IEnumerable<string> zones) =>
        ProductsFor(zones.Distinct(StringComparer.Ordinal).Count());
}
