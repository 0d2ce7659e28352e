using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalmar.Bench.Baseline;

/// <summary><c>POST /purchase</c> (201 charged, 409 over the limit) and <c>PUT /accounts/{id}</c> to set a limit.</summary>
public static class BaselineApi
{
    public static IEndpointRouteBuilder MapBaselineApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/purchase", PurchaseAsync);
        app.MapPut("/accounts/{id:long}", SetLimitAsync);
        app.MapGet("/health", () => TypedResults.Ok());
        return app;
    }

    public static async Task<Results<Created<PurchaseResult>, Conflict<PurchaseResult>, NotFound, ValidationProblem>> PurchaseAsync(
        PurchaseRequest request, Purchases purchases, CancellationToken cancellationToken)
    {
        if (request.IdempotencyKey is not { Length: > 0 and <= 100 } key || request.AmountOre <= 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["idempotencyKey"] = ["A key of 1–100 characters and a positive amount."] });
        }

        return await purchases.ChargeAsync(request.AccountId, request.AmountOre, key, cancellationToken) switch
        {
            null => TypedResults.NotFound(),
            { Charged: true } charged => TypedResults.Created($"/accounts/{request.AccountId}", charged),
            var refused => TypedResults.Conflict(refused),
        };
    }

    public static async Task<NoContent> SetLimitAsync(long id, AccountRequest request, Purchases purchases, CancellationToken cancellationToken)
    {
        await purchases.SetLimitAsync(id, request.LimitOre, cancellationToken);
        return TypedResults.NoContent();
    }
}
