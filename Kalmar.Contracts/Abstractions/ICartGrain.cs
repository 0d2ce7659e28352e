using Kalmar.Contracts.Model;

namespace Kalmar.Contracts.Abstractions;

/// <summary>A traveller's cart of staff-offer tickets (keyed by user id), and its checkout into an order.</summary>
[Alias("Kalmar.ICartGrain")]
public interface ICartGrain : IGrainWithGuidKey
{
    [Alias("Get")]
    Task<CartView> GetAsync();

    [Alias("Add")]
    Task<Outcome<CartView>> AddAsync(AddToCart item);

    [Alias("Remove")]
    Task<Outcome<CartView>> RemoveAsync(Guid itemId);

    /// <summary>Orders what is in the cart. The same key always gives the same order, never a second one.</summary>
    [Alias("Checkout")]
    Task<Outcome<OrderView>> CheckoutAsync(string idempotencyKey);
}
