using Kalmar.Web.Auth;
using Kalmar.Web.Features.Ordering;
using Kalmar.Web.Payloads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalmar.Web.Apis;

public static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Beställningar").RequireAuthorization();
        api.MapGet("/me/orders", ListMineAsync).WithName("ListMyOrders").WithSummary("Mina beställningar, nyaste först");
        api.MapGet("/orders/{id:guid}", GetAsync).WithName("GetOrder").WithSummary("En av mina beställningar");
        api.MapPost("/orders/{id:guid}/withdraw", WithdrawAsync).WithName("WithdrawOrder")
            .WithSummary("Dra tillbaka en väntande beställning; den lämnar attesteringskön direkt");
        return app;
    }

    public static async Task<Ok<OrderPayload[]>> ListMineAsync(HttpContext http, OrderingService ordering) =>
        TypedResults.Ok((await ordering.OrdersAsync(http.User.GetUserId())).Select(OrderPayload.Of).ToArray());

    public static async Task<Results<Ok<OrderPayload>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, OrderingService ordering) =>
        await ordering.FindOrderAsync(http.User.GetUserId(), id) is { } order
            ? TypedResults.Ok(OrderPayload.Of(order))
            : Problems.NotFound("Beställningen");

    public static async Task<Results<Ok<OrderPayload>, ProblemHttpResult>> WithdrawAsync(Guid id, HttpContext http, OrderingService ordering)
    {
        var withdrawn = await ordering.WithdrawAsync(http.User.GetUserId(), http.User.Identity?.Name ?? "", id);
        return withdrawn.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Ok(OrderPayload.Of(withdrawn.Value!));
    }
}
