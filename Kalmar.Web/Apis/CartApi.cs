using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
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

    public sealed record AddItemRequest(string? JourneyId, string? ProductId, string? CategoryId, CarrierRequest? Carrier);

    public sealed record CheckoutRequest(string? IdempotencyKey);

    public static async Task<Ok<CartPayload>> GetAsync(HttpContext http, IClusterClient cluster) =>
        TypedResults.Ok(CartPayload.Of(await Cart(http, cluster).GetAsync()));

    public static async Task<Results<Created<CartPayload>, ProblemHttpResult>> AddAsync(AddItemRequest request, HttpContext http, IClusterClient cluster)
    {
        if (ToCommand(request) is not { } command)
        {
            return Problems.Invalid(MissingFields(request));
        }

        var added = await Cart(http, cluster).AddAsync(command);
        return added.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Created("/api/cart", CartPayload.Of(added.Value!));
    }

    public static async Task<Results<Ok<CartPayload>, ProblemHttpResult>> RemoveAsync(Guid id, HttpContext http, IClusterClient cluster)
    {
        var removed = await Cart(http, cluster).RemoveAsync(id);
        return removed.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Ok(CartPayload.Of(removed.Value!));
    }

    public static async Task<Results<Created<OrderPayload>, ProblemHttpResult>> CheckoutAsync(CheckoutRequest request, HttpContext http, IClusterClient cluster)
    {
        if (request.IdempotencyKey is not { Length: > 0 and <= 100 } key)
        {
            return Problems.Invalid("idempotencyKey", "Ange en idempotensnyckel (1–100 tecken) så att beställningen inte görs två gånger.");
        }

        var ordered = await Cart(http, cluster).CheckoutAsync(key);
        return ordered.Rejection is { } rejection
            ? Problems.From(rejection)
            : TypedResults.Created($"/api/orders/{ordered.Value!.Id}", OrderPayload.Of(ordered.Value));
    }

    private static ICartGrain Cart(HttpContext http, IClusterClient cluster) => cluster.GetGrain<ICartGrain>(http.User.GetUserId());

    private static AddToCart? ToCommand(AddItemRequest request) =>
        request is { JourneyId.Length: > 0, ProductId.Length: > 0, CategoryId.Length: > 0 } && CarrierTypeOf(request.Carrier) is { } type
            ? new AddToCart(request.JourneyId, request.ProductId, request.CategoryId, type, request.Carrier?.Number)
            : null;

    private static CarrierType? CarrierTypeOf(CarrierRequest? carrier) => carrier?.Type switch
    {
        CarrierPayload.App => CarrierType.App,
        CarrierPayload.Card => CarrierType.Card,
        _ => null,
    };

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

        if (CarrierTypeOf(request.Carrier) is null)
        {
            errors["carrier"] = ["Välj biljettbärare: App eller Resekort."];
        }

        return errors;
    }
}
