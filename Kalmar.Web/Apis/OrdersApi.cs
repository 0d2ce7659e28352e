using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
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
        return app;
    }

    public static async Task<Ok<OrderPayload[]>> ListMineAsync(HttpContext http, IClusterClient cluster) =>
        TypedResults.Ok(await LoadMineAsync(cluster, http.User.GetUserId()));

    public static async Task<Results<Ok<OrderPayload>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, IClusterClient cluster) =>
        await cluster.GetGrain<IOrderGrain>(id).GetAsync() is { } order && order.Submission.TravellerId == http.User.GetUserId()
            ? TypedResults.Ok(OrderPayload.Of(order))
            : Problems.NotFound("Beställningen");

    public static async Task<OrderPayload[]> LoadMineAsync(IClusterClient cluster, Guid userId)
    {
        var ids = await cluster.GetGrain<IUserGrain>(userId).GetOrderIdsAsync();
        var orders = await Task.WhenAll(ids.Select(id => cluster.GetGrain<IOrderGrain>(id).GetAsync()));
        return [.. orders.OfType<OrderView>().Select(OrderPayload.Of)];
    }
}
