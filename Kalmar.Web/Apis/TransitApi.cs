using Kalmar.Contracts.Fares;
using Kalmar.Contracts.Transit;
using Kalmar.Web.Features.Transit;
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

    public static async Task<Ok<ZoneResponse[]>> ListZonesAsync(TransitService transit) =>
        TypedResults.Ok((await transit.ZonesAsync()).Select(zone => new ZoneResponse(zone.Id, zone.StopNames)).ToArray());

    public static async Task<Ok<StopResponse[]>> SearchStopsAsync(string? q, TransitService transit) =>
        TypedResults.Ok((await transit.SearchStopsAsync(q)).Select(Stop).ToArray());

    public static async Task<Results<Ok<JourneyResponse[]>, ProblemHttpResult>> FindJourneysAsync(
        string? from, string? to, string? date, string? time, TransitService transit)
    {
        var found = await transit.FindJourneysAsync(from, to, date, time);
        return found.Rejection is { } rejection
            ? Problems.From(rejection)
            : TypedResults.Ok(found.Value!.Select(JourneyResponse.Of).ToArray());
    }

    public static async Task<Results<Ok<ProductResponse[]>, ProblemHttpResult>> ListProductsAsync(string? zones, TransitService transit)
    {
        var zoneIds = (zones ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (zoneIds.Length == 0)
        {
            return Problems.Invalid("zones", "Välj minst en zon.");
        }

        return TypedResults.Ok((await transit.ProductsAsync(zoneIds)).Select(ProductResponse.Of).ToArray());
    }

    private static StopResponse Stop(TransitStop stop) => new(stop.Id, stop.Name);
}
