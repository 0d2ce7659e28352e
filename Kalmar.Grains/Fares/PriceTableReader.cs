using Kalmar.Contracts.Fares;
namespace Kalmar.Grains.Fares;

/// <summary>Reads and cross-checks the three fare files, so a gap in prices.csv stops the silo instead of a sale.</summary>
internal static class PriceTableReader
{
    public static PriceTable Read(
        string folder,
        Func<List<FareProduct>, List<FareCategory>, Dictionary<(string, string, int), long>, PriceTable> create)
    {
        var products = ReadProducts(folder);
        var categories = ReadCategories(folder);
        return create(products, categories, ReadPrices(folder, products, categories));
    }

    private static List<FareProduct> ReadProducts(string folder)
    {
        using var csv = new FareCsv(folder, "products.csv", "product_id", "product_name", "validity_minutes", "max_zones");
        var products = new List<FareProduct>();
        while (csv.Read())
        {
            var product = new FareProduct(
                csv.Text("product_id"), csv.Text("product_name"), csv.Number("validity_minutes", 1), csv.Number("max_zones", 1), StartsOnDay(csv));
            if (products.Any(p => p.Id == product.Id))
            {
                throw csv.Error(csv.Line, $"product_id '{product.Id}' förekommer mer än en gång.");
            }

            products.Add(product);
        }

        return products.Count > 0 ? products : throw csv.Error(null, "inga biljettyper.");
    }

    /// <summary>The optional column <c>starts</c>: <c>departure</c> (the default) or <c>day</c>, for whole days only.</summary>
    private static bool StartsOnDay(FareCsv csv) => csv.OptionalText("starts") switch
    {
        "" or "departure" => false,
        "day" when csv.Number("validity_minutes", 1) % FareProduct.MinutesPerDay == 0 => true,
        "day" => throw csv.Error(csv.Line, "en biljett som börjar på en dag (starts=day) gäller hela dagar: validity_minutes ska vara en multipel av 1440."),
        var other => throw csv.Error(csv.Line, $"'{other}' i kolumnen starts ska vara departure eller day."),
    };

    private static List<FareCategory> ReadCategories(string folder)
    {
        using var csv = new FareCsv(folder, "categories.csv", "category_id", "category_name");
        var categories = new List<FareCategory>();
        while (csv.Read())
        {
            var category = new FareCategory(csv.Text("category_id"), csv.Text("category_name"), csv.OptionalText("description"));
            if (categories.Any(c => c.Id == category.Id))
            {
                throw csv.Error(csv.Line, $"category_id '{category.Id}' förekommer mer än en gång.");
            }

            categories.Add(category);
        }

        return categories.Count > 0 ? categories : throw csv.Error(null, "inga resenärskategorier.");
    }

    private static Dictionary<(string, string, int), long> ReadPrices(string folder, List<FareProduct> products, List<FareCategory> categories)
    {
        using var csv = new FareCsv(folder, "prices.csv", "product_id", "category_id", "zones", "price_excl_vat_ore");
        var prices = new Dictionary<(string, string, int), long>();
        while (csv.Read())
        {
            var product = products.Find(p => p.Id == csv.Text("product_id"))
                ?? throw csv.Error(csv.Line, $"okänd product_id '{csv.Text("product_id")}'.");
            var category = categories.Find(c => c.Id == csv.Text("category_id"))
                ?? throw csv.Error(csv.Line, $"okänd category_id '{csv.Text("category_id")}'.");
            var zones = csv.Number("zones", 1);
            if (zones > product.MaxZones)
            {
                throw csv.Error(csv.Line, $"{product.Id} gäller högst {product.MaxZones} zoner, inte {zones}.");
            }

            if (!prices.TryAdd((product.Id, category.Id, zones), csv.Number("price_excl_vat_ore", 0)))
            {
                throw csv.Error(csv.Line, $"pris för {product.Id}/{category.Id} {zones} zoner förekommer mer än en gång.");
            }
        }

        var missing = products
            .SelectMany(p => categories.SelectMany(c => Enumerable.Range(1, p.MaxZones).Select(z => (p.Id, CategoryId: c.Id, Zones: z))))
            .Where(key => !prices.ContainsKey(key))
            .Select(key => $"{key.Id}/{key.CategoryId} {key.Zones} zoner")
            .FirstOrDefault();
        return missing is null ? prices : throw csv.Error(null, $"pris saknas för {missing}.");
    }
}
