using Kalmar.Grains.Abstractions;
using Kalmar.Grains.Contracts;
using Kalmar.Grains.Fares;
using Kalmar.Grains.Infrastructure;
using Kalmar.Grains.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Kalmar.Grains.BusinessTravel;

public sealed class BusinessTravelGrain(
    [PersistentState("business-travel")] IPersistentState<BusinessTravelState> state,
    PriceTable prices,
    INotificationOutbox outbox,
    [FromKeyedServices(BusinessClock.Key)] TimeProvider time) : Grain, IBusinessTravelGrain
{
    public const string NotGranted = "business-travel-not-granted";
    public const string NoAllPay = "allpay-not-added";
    internal static readonly TimeSpan CodeLifetime = TimeSpan.FromHours(72);

    private Guid TravellerId => this.GetPrimaryKey();

    public Task<BusinessTravelStatus> GetAsync() => Task.FromResult(Status());

    public async Task<Outcome<BusinessTravelStatus>> GrantAsync(bool enabled, long monthlyLimitOre)
    {
        if (monthlyLimitOre < 0)
        {
            return Rejection.Field("monthlyLimitOre", "Kreditgränsen kan inte vara negativ.");
        }

        if (await GrainFactory.GetGrain<IUserGrain>(TravellerId).GetAsync() is not { } traveller)
        {
            return Rejection.Of("not-found", "Resenären finns inte.");
        }

        if (enabled && traveller.Mobile is null)
        {
            return Rejection.Field("mobile", "Resenären saknar mobilnummer, så sms:et med engångskoden kan inte skickas.");
        }

        if (state.State.ActivationUsername is { } previous)
        {
            await GrainFactory.GetGrain<IAppActivationGrain>(previous).RevokeAsync();
        }

        var grantId = Guid.NewGuid();
        (string Username, string Code)? activation = enabled ? (OneTimeCodes.NewUsername(), OneTimeCodes.NewCode()) : null;
        if (activation is var (username, code))
        {
            await GrainFactory.GetGrain<IAppActivationGrain>(username).IssueAsync(TravellerId, OneTimeCodes.Hash(code), time.GetUtcNow() + CodeLifetime);
        }

        state.State.Enabled = enabled;
        state.State.MonthlyLimitOre = monthlyLimitOre;
        state.State.ActivationUsername = activation?.Username;
        state.State.AllPayAdded &= enabled;
        await state.WriteStateAsync();
        await Credit.SetLimitAsync(enabled, monthlyLimitOre);
        if (activation is var (name, oneTimeCode))
        {
            await outbox.EnqueueAsync([NotificationTemplates.BusinessTravelGranted(TravellerId, traveller.Mobile!, name, oneTimeCode, monthlyLimitOre, grantId)]);
        }

        return Outcome<BusinessTravelStatus>.Success(Status());
    }

    public async Task<Outcome<BusinessTravelStatus>> AddAllPayAsync()
    {
        if (!state.State.Enabled)
        {
            return Rejection.Of(NotGranted, "Tjänsteresor med Faktura via AllPay är inte aktiverat för dig. Kontakta din administratör.");
        }

        state.State.AllPayAdded = true;
        await state.WriteStateAsync();
        return Outcome<BusinessTravelStatus>.Success(Status());
    }

    public async Task<Outcome<BusinessTripReceipt>> BuyAsync(BusinessTripPurchase purchase)
    {
        if (!state.State.Enabled)
        {
            return Rejection.Of(NotGranted, "Tjänsteresor med Faktura via AllPay är inte aktiverat för dig. Kontakta din administratör.");
        }

        if (!state.State.AllPayAdded)
        {
            return Rejection.Of(NoAllPay, "Lägg till Faktura via AllPay under Mer → Betalmedel först.");
        }

        if (string.IsNullOrWhiteSpace(purchase.Purpose))
        {
            return Rejection.Field("purpose", "Ange syftet med tjänsteresan.");
        }

        var zones = purchase.Zones.Distinct().ToArray();
        if (!prices.TryQuote(purchase.ProductId, purchase.CategoryId, zones.Length, out var quote, out var priceError))
        {
            return Rejection.Field(zones.Length == 0 ? "zones" : "productId", priceError);
        }

        var traveller = (await GrainFactory.GetGrain<IUserGrain>(TravellerId).GetAsync())!;
        var now = time.GetUtcNow();
        var purpose = purchase.Purpose.Trim();
        var ticket = new Ticket(
            Guid.NewGuid(), quote.Product.Name, quote.Category.Name, zones, new Carrier(CarrierType.App, traveller.Mobile ?? ""),
            quote.Price.TotalOre, now, now, now.AddMinutes(quote.Product.ValidityMinutes), Ticket.BusinessTrip, purpose);
        // The account records the ticket with the charge and issues it from its outbox, so no crash leaves a charge without
        // its ticket; a retry gets the first receipt, with the ticket recorded then.
        var charged = await Credit.ChargeAsync(new CreditCharge(
            purchase.IdempotencyKey, traveller.CompanyId, traveller.DepartmentId, quote.Product.Name, quote.Category.Name,
            zones, purpose, quote.Price, ticket));
        if (charged.Rejection is { } rejection)
        {
            return rejection;
        }

        var receipt = charged.Value!;
        return Outcome<BusinessTripReceipt>.Success(new BusinessTripReceipt(receipt.Ticket!, receipt.Credit));
    }

    private ICreditAccountGrain Credit => GrainFactory.GetGrain<ICreditAccountGrain>(TravellerId);

    private BusinessTravelStatus Status() => new(state.State.Enabled, state.State.MonthlyLimitOre, state.State.AllPayAdded);
}
