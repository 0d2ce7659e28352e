using System.Globalization;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Fares;
using Kalmar.Contracts.Transit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalmar.Web.Apis;

public static class TransitApi
{
    public static IEndpointRouteBuilder MapTransitApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Resor och priser").RequireAuthorization();
        api.MapGet("/stops", SearchStopsAsync).WithName("SearchStops").WithSummary("Hållplatser som matchar det man skrivit, bästa först");
        api.MapGet("/journeys", FindJourneysAsync).WithName("FindJourneys").WithSummary("Avgångar mellan två hållplatser, direkt och med ett byte");
        api.MapGet("/zones", ListZonesAsync).WithName("ListZones").WithSummary("Länets zoner med sina hållplatser");
        api.MapGet("/products", ListProductsAsync).WithName("ListProducts").WithSummary("Biljetter och priser för en resa i de angivna zonerna");
        return app;
    }

    public sealed record StopResponse(string Id, string Name);

    public sealed record LegResponse(string Line, StopResponse From, StopResponse To, DateTimeOffset Departure, DateTimeOffset Arrival);

    public sealed record JourneyResponse(
        string Id, DateTimeOffset Departure, DateTimeOffset Arrival, string Line, IReadOnlyList<string> Zones, int Changes,
        StopResponse From, StopResponse To, IReadOnlyList<LegResponse> Legs)
    {
        public static JourneyResponse Of(Journey journey) => new(
            journey.Id, journey.Departure, journey.Arrival, string.Join(" + ", journey.Legs.Select(leg => leg.RouteName)),
            journey.Zones, journey.Changes, Stop(journey.From), Stop(journey.To),
            [.. journey.Legs.Select(leg => new LegResponse(leg.RouteName, Stop(leg.From), Stop(leg.To), leg.Departure, leg.Arrival))]);
    }

    /// <summary><see cref="ValidityMinutes"/>: how long a ticket is valid from the purchase (or the approval, for a staff offer).</summary>
    public sealed record ProductResponse(
        string ProductId, string ProductName, string CategoryId, string CategoryName, int Zones, bool WholeCounty,
        long PriceExclVatOre, long VatOre, long TotalOre, int ValidityMinutes)
    {
        public static ProductResponse Of(FareQuote quote) => new(
            quote.Product.Id, quote.Product.Name, quote.Category.Id, quote.Category.Name, quote.PricedZones, quote.WholeCounty,
            quote.Price.ExclVatOre, quote.Price.VatOre, quote.Price.TotalOre, quote.Product.ValidityMinutes);
    }

    public sealed record ZoneResponse(string Id, IReadOnlyList<string> Stops);

    public static async Task<Ok<ZoneResponse[]>> ListZonesAsync(IClusterClient cluster) =>
        TypedResults.Ok((await cluster.GetGrain<ITransitGrain>(0).ZonesAsync()).Select(zone => new ZoneResponse(zone.Id, zone.StopNames)).ToArray());

    public static async Task<Ok<StopResponse[]>> SearchStopsAsync(string? q, IClusterClient cluster) =>
        TypedResults.Ok((await cluster.GetGrain<ITransitGrain>(0).SearchStopsAsync(q ?? "", 10)).Select(Stop).ToArray());

    public static async Task<Results<Ok<JourneyResponse[]>, ProblemHttpResult>> FindJourneysAsync(
        string? from, string? to, string? date, string? time, IClusterClient cluster, TimeProvider clock)
    {
        var now = Stockholm.ToLocal(clock.GetUtcNow());
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(from))
        {
            errors["from"] = ["Välj en hållplats att resa från."];
        }

        if (string.IsNullOrWhiteSpace(to))
        {
            errors["to"] = ["Välj en hållplats att resa till."];
        }

        var day = DateOnly.FromDateTime(now.DateTime);
        if (!string.IsNullOrEmpty(date) && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            errors["date"] = ["Ange datum som ÅÅÅÅ-MM-DD."];
        }

        var after = TimeOnly.FromDateTime(now.DateTime);
        if (!string.IsNullOrEmpty(time) && !TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out after))
        {
            errors["time"] = ["Ange tid som TT:MM, t.ex. 07:30."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var found = await cluster.GetGrain<ITransitGrain>(0).FindJourneysAsync(from!, to!, day, after);
        return found.Rejection is { } rejection
            ? Problems.From(rejection)
            : TypedResults.Ok(found.Value!.Select(JourneyResponse.Of).ToArray());
    }

    public static async Task<Results<Ok<ProductResponse[]>, ProblemHttpResult>> ListProductsAsync(string? zones, IClusterClient cluster)
    {
        var zoneIds = (zones ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (zoneIds.Length == 0)
        {
            return Problems.Invalid("zones", "Välj minst en zon.");
        }

        var quotes = await cluster.GetGrain<ITransitGrain>(0).ProductsAsync(zoneIds);
        return TypedResults.Ok(quotes.Select(ProductResponse.Of).ToArray());
    }

    private static StopResponse Stop(TransitStop stop) => new(stop.Id, stop.Name);
}
