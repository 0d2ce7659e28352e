using System.Globalization;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Ordering;
using Kalmar.Web.Payloads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalmar.Web.Apis;

public static class CartApi
{
    public static IEndpointRouteBuilder MapCartApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cart").WithTags("Varukorg").RequireAuthorization();
        api.MapGet("/", GetAsync).WithName("GetCart").WithSummary("Varukorgen");
        api.MapPost("/items", AddAsync).WithName("AddToCart").WithSummary("Lägg en biljett i varukorgen");
        api.MapDelete("/items/{id:guid}", RemoveAsync).WithName("RemoveFromCart").WithSummary("Ta bort en biljett ur varukorgen");
        api.MapPost("/checkout", CheckoutAsync).WithName("Checkout").WithSummary("Beställ biljetterna i varukorgen (skickas för godkännande)");
        return app;
    }

    public sealed record CarrierRequest(string? Type, string? Number);

    /// <summary><c>startsAt</c>: a date (<c>2026-12-09</c>) for 30- and 365-dagars, a date and time (a departure) for Enkel and 24-timmars; left out, as soon as possible.</summary>
    public sealed record AddItemRequest(string? JourneyId, string? ProductId, string? CategoryId, CarrierRequest? Carrier, string? StartsAt = null);

    public sealed record CheckoutRequest(string? IdempotencyKey);

    public static async Task<Ok<CartPayload>> GetAsync(HttpContext http, OrderingService ordering) =>
        TypedResults.Ok(CartPayload.Of(await ordering.CartAsync(http.User.GetUserId())));

    public static async Task<Results<Created<CartPayload>, ProblemHttpResult>> AddAsync(AddItemRequest request, HttpContext http, OrderingService ordering)
    {
        if (ToCommand(request) is not { } command)
        {
            return Problems.Invalid(MissingFields(request));
        }

        var added = await ordering.AddToCartAsync(http.User.GetUserId(), command);
        return added.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Created("/api/cart", CartPayload.Of(added.Value!));
    }

    public static async Task<Results<Ok<CartPayload>, ProblemHttpResult>> RemoveAsync(Guid id, HttpContext http, OrderingService ordering)
    {
        var removed = await ordering.RemoveFromCartAsync(http.User.GetUserId(), id);
        return removed.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Ok(CartPayload.Of(removed.Value!));
    }

    public static async Task<Results<Created<OrderPayload>, ProblemHttpResult>> CheckoutAsync(CheckoutRequest request, HttpContext http, OrderingService ordering)
    {
        if (request.IdempotencyKey is not { Length: > 0 and <= 100 } key)
        {
            return Problems.Invalid("idempotencyKey", "Ange en idempotensnyckel (1–100 tecken) så att beställningen inte görs två gånger.");
        }

        var ordered = await ordering.CheckoutAsync(http.User.GetUserId(), key);
        return ordered.Rejection is { } rejection
            ? Problems.From(rejection)
            : TypedResults.Created($"/api/orders/{ordered.Value!.Id}", OrderPayload.Of(ordered.Value));
    }

    private static AddToCart? ToCommand(AddItemRequest request) =>
        request is { JourneyId.Length: > 0, ProductId.Length: > 0, CategoryId.Length: > 0 }
        && CarrierTypeNames.Parse(request.Carrier?.Type) is { } type
        && ParseStart(request.StartsAt) is (true, var date, var time)
            ? new AddToCart(request.JourneyId, request.ProductId, request.CategoryId, type, request.Carrier?.Number, date, time)
            : null;

    /// <summary>The shape of <c>startsAt</c>: nothing, a date, or a date and time; whether it suits the ticket is the cart's rule.</summary>
    private static (bool Valid, DateOnly? Date, DateTimeOffset? Time) ParseStart(string? startsAt) =>
        string.IsNullOrWhiteSpace(startsAt) ? (true, null, null)
        : DateOnly.TryParseExact(startsAt, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? (true, date, null)
        : Stockholm.TryParseDateTime(startsAt, out var time) ? (true, null, time)
        : (false, null, null);

    private static Dictionary<string, string[]> MissingFields(AddItemRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(request.JourneyId))
        {
            errors["journeyId"] = ["Välj en avgång."];
        }

        if (string.IsNullOrEmpty(request.ProductId))
        {
            errors["productId"] = ["Välj biljettyp."];
        }

        if (string.IsNullOrEmpty(request.CategoryId))
        {
            errors["categoryId"] = ["Välj resenärskategori."];
        }

        if (CarrierTypeNames.Parse(request.Carrier?.Type) is null)
        {
            errors["carrier"] = ["Välj biljettbärare: App eller Resekort."];
        }

        if (!ParseStart(request.StartsAt).Valid)
        {
            errors["startsAt"] = ["Ange starten som ett datum (ÅÅÅÅ-MM-DD) eller ett datum och en tid (ÅÅÅÅ-MM-DDTHH:MM)."];
        }

        return errors;
    }
}
