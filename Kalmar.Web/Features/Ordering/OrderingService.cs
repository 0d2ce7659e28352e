using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;

namespace Kalmar.Web.Features.Ordering;

/// <summary>The staff offer: a traveller's cart, its checkout into an order, and the traveller's own orders.</summary>
public sealed class OrderingService(IClusterClient cluster)
{
    /// <summary>The traveller with company and department, or null when the user or company is gone.</summary>
    public async Task<TravellerContext?> TravellerAsync(Guid userId)
    {
        if (await cluster.GetGrain<IUserGrain>(userId).GetAsync() is not { } user
            || await cluster.GetGrain<ICompanyGrain>(user.CompanyId).GetAsync() is not { } company)
        {
            return null;
        }

        return new TravellerContext(user, company, company.FindDepartment(user.DepartmentId));
    }

    public Task<CartView> CartAsync(Guid userId) => Cart(userId).GetAsync();

    public Task<Outcome<CartView>> AddToCartAsync(Guid userId, AddToCart item) => Cart(userId).AddAsync(item);

    public Task<Outcome<CartView>> RemoveFromCartAsync(Guid userId, Guid itemId) => Cart(userId).RemoveAsync(itemId);

    /// <summary>The same key always gives the same order, never a second one.</summary>
    public Task<Outcome<OrderView>> CheckoutAsync(Guid userId, string idempotencyKey) => Cart(userId).CheckoutAsync(idempotencyKey);

    /// <summary>The traveller's orders, newest first.</summary>
    public async Task<IReadOnlyList<OrderView>> OrdersAsync(Guid userId)
    {
        var ids = await cluster.GetGrain<IUserGrain>(userId).GetOrderIdsAsync();
        var orders = await Task.WhenAll(ids.Select(id => cluster.GetGrain<IOrderGrain>(id).GetAsync()));
        return [.. orders.OfType<OrderView>()];
    }

    /// <summary>One of the traveller's own orders; someone else's is as absent as one that does not exist.</summary>
    public async Task<OrderView?> FindOrderAsync(Guid userId, Guid orderId) =>
        await cluster.GetGrain<IOrderGrain>(orderId).GetAsync() is { } order && order.Submission.TravellerId == userId ? order : null;

    /// <summary>The traveller takes back a pending order of their own; a decision that came first wins (<c>already-decided</c>).</summary>
    public async Task<Outcome<OrderView>> WithdrawAsync(Guid userId, string userName, Guid orderId) =>
        await FindOrderAsync(userId, orderId) is null
            ? Rejections.NotFound("Beställningen")
            : await cluster.GetGrain<IOrderGrain>(orderId).WithdrawAsync(new Actor(userId, userName), "Du drog själv tillbaka beställningen.");

    private ICartGrain Cart(Guid userId) => cluster.GetGrain<ICartGrain>(userId);
}
