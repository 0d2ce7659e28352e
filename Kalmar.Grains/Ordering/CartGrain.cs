using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Grains.Fares;
using Kalmar.Grains.Infrastructure;
using Kalmar.Grains.Transit;
using Microsoft.Extensions.DependencyInjection;

namespace Kalmar.Grains.Ordering;

public sealed class CartGrain(
    [PersistentState("cart")] IPersistentState<CartState> state,
    TransitIndex transit,
    PriceTable prices,
    [FromKeyedServices(BusinessClock.Key)] TimeProvider time) : Grain, ICartGrain
{
    /// <summary>A cart, and so an order, holds at most this many tickets: enough for anyone, bounded for everyone.</summary>
    internal const int MaxItems = 20;


    private Guid TravellerId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A checkout cut short by a crash is finished before anything else.
        await SubmitOutstandingAsync();
    }

    public Task<CartView> GetAsync() => Task.FromResult(View());

    public async Task<Outcome<CartView>> AddAsync(AddToCart item)
    {
        if (await LoadTravellerAsync() is not var (traveller, company, _))
        {
            return Rejection.Of(RejectionCodes.NotFound, "Resenären finns inte.");
        }

        if (!company.StaffOfferAvailable)
        {
            return NotAvailable(company);
        }

        if (state.State.Items.Count >= MaxItems)
        {
            return Rejection.Field("cart", $"Varukorgen rymmer högst {MaxItems} biljetter. Skicka beställningen först och lägg sedan till fler.");
        }

        if (!transit.TryResolve(item.JourneyId, out var journey))
        {
            return Rejection.Field("journeyId", "Avgången finns inte längre. Sök resan igen och välj en avgång.");
        }

        if (!prices.TryQuote(item.ProductId, item.CategoryId, journey.Zones.Count, out var quote, out var priceError))
        {
            return Rejection.Field(prices.Products.Any(p => p.Id == item.ProductId) ? "categoryId" : "productId", priceError);
        }

        if (ToCarrier(item, traveller) is not { } carrier)
        {
            return Rejection.Field("carrier", item.CarrierType == CarrierType.App ? SwedishMobile.Error : CarrierError(item.CarrierNumber));
        }

        var (start, startError) = StartChoice.Of(quote.Product, item, time.GetUtcNow());
        if (startError is not null)
        {
            return startError;
        }

        state.State.Items.Add(new TicketLine(
            Guid.NewGuid(), journey.Id, journey.From.Name, journey.To.Name, journey.Departure, journey.Zones,
            quote.Product.Id, quote.Product.Name, quote.Category.Id, quote.Category.Name, carrier, quote.Price, start));
        await state.WriteOrDropActivationAsync(this);
        return Outcome<CartView>.Success(View());
    }

    public async Task<Outcome<CartView>> RemoveAsync(Guid itemId)
    {
        if (state.State.Items.RemoveAll(item => item.Id == itemId) == 0)
        {
            return Rejection.Of(RejectionCodes.NotFound, "Biljetten finns inte i varukorgen.");
        }

        await state.WriteOrDropActivationAsync(this);
        return Outcome<CartView>.Success(View());
    }

    public async Task<Outcome<OrderView>> CheckoutAsync(string idempotencyKey)
    {
        if (state.State.Checkouts.TryGetValue(idempotencyKey, out var earlierOrderId))
        {
            await SubmitOutstandingAsync();
            return Outcome<OrderView>.Success((await GrainFactory.GetGrain<IOrderGrain>(earlierOrderId).GetAsync())!);
        }

        if (state.State.Items.Count == 0)
        {
            return Rejection.Of(RejectionCodes.EmptyCart, "Varukorgen är tom. Lägg en biljett i varukorgen först.");
        }

        if (await LoadTravellerAsync() is not var (traveller, company, department))
        {
            return Rejection.Of(RejectionCodes.NotFound, "Resenären finns inte.");
        }

        if (!company.StaffOfferAvailable)
        {
            return NotAvailable(company);
        }

        // Record the checkout and empty the cart in one write, then hand it to the order grain:
        // a crash in between is finished on the next call or activation, never lost or doubled.
        var orderId = Guid.NewGuid();
        state.State.Checkouts[idempotencyKey] = orderId;
        state.State.Unsubmitted[orderId] = new OrderSubmission(
            TravellerId, traveller.FullName, traveller.Email, traveller.Mobile, company.Id, traveller.DepartmentId,
            department?.Name ?? "", [.. state.State.Items], time.GetUtcNow());
        state.State.Items.Clear();
        await state.WriteOrDropActivationAsync(this);
        await SubmitOutstandingAsync();
        return Outcome<OrderView>.Success((await GrainFactory.GetGrain<IOrderGrain>(orderId).GetAsync())!);
    }

    private async Task SubmitOutstandingAsync()
    {
        if (state.State.Unsubmitted.Count == 0)
        {
            return;
        }

        foreach (var (orderId, submission) in state.State.Unsubmitted)
        {
            await GrainFactory.GetGrain<IOrderGrain>(orderId).SubmitAsync(submission);
            await GrainFactory.GetGrain<IUserGrain>(TravellerId).RecordOrderAsync(orderId);
        }

        state.State.Unsubmitted.Clear();
        await state.WriteOrDropActivationAsync(this);
    }

    private async Task<(UserProfile Traveller, CompanyInfo Company, DepartmentInfo? Department)?> LoadTravellerAsync()
    {
        if (await GrainFactory.GetGrain<IUserGrain>(TravellerId).GetAsync() is not { } traveller
            || await GrainFactory.GetGrain<ICompanyGrain>(traveller.CompanyId).GetAsync() is not { } company)
        {
            return null;
        }

        return (traveller, company, company.FindDepartment(traveller.DepartmentId));
    }

    private static Carrier? ToCarrier(AddToCart item, UserProfile traveller) => item.CarrierType switch
    {
        CarrierType.App => SwedishMobile.TryParse(string.IsNullOrWhiteSpace(item.CarrierNumber) ? traveller.Mobile : item.CarrierNumber, out var mobile, out _)
            ? new Carrier(CarrierType.App, mobile.E164)
            : null,
        _ => TravelCardNumber.TryParse(item.CarrierNumber, out var card, out _) ? new Carrier(CarrierType.Card, card.Value) : null,
    };

    private static string CarrierError(string? number) =>
        TravelCardNumber.TryParse(number, out _, out var error) ? TravelCardNumber.Error : error;

    private static Rejection NotAvailable(CompanyInfo company) => Rejection.Of(
        RejectionCodes.StaffOfferNotAvailable, $"Personalerbjudandet gäller inte för anställda på {company.Name}.");

    private CartView View() => new([.. state.State.Items]);
}
