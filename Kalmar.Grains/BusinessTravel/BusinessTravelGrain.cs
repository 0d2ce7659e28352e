using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Fares;
using Kalmar.Contracts.Hosting;
using Kalmar.Contracts.Model;
using Kalmar.Grains.Audit;
using Kalmar.Grains.Fares;
using Kalmar.Grains.Infrastructure;
using Kalmar.Grains.Notifications;
using Kalmar.Grains.Transit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kalmar.Grains.BusinessTravel;

public sealed class BusinessTravelGrain(
    [PersistentState("business-travel")] IPersistentState<BusinessTravelState> state,
    PriceTable prices,
    TransitIndex transit,
    INotificationOutbox outbox,
    AuditLog auditLog,
    IOptions<PortalOptions> portal,
    [FromKeyedServices(BusinessClock.Key)] TimeProvider time,
    KalmarMetrics metrics) : Grain, IBusinessTravelGrain
{
    internal static readonly TimeSpan CodeLifetime = TimeSpan.FromHours(72);
    private const int MaxPurposeLength = 200;
    private const string MissingMobile = "Resenären saknar mobilnummer, så sms:et med engångskoden kan inte skickas.";

    private Guid TravellerId => this.GetPrimaryKey();

    public Task<BusinessTravelStatus> GetAsync() => Task.FromResult(Status());

    public async Task<Outcome<BusinessTravelStatus>> GrantAsync(bool enabled, long monthlyLimitOre, Actor? by = null)
    {
        if (monthlyLimitOre < 0)
        {
            return Rejection.Field("monthlyLimitOre", "Kreditgränsen kan inte vara negativ.");
        }

        if (await GrainFactory.GetGrain<IUserGrain>(TravellerId).GetAsync() is not { } traveller)
        {
            return Rejection.Of(RejectionCodes.NotFound, "Resenären finns inte.");
        }

        if (enabled && await GrainFactory.GetGrain<ICompanyGrain>(traveller.CompanyId).GetAsync() is { } company
            && monthlyLimitOre > company.MaxMonthlyLimitOre)
        {
            return Rejection.Field("monthlyLimitOre",
                $"{company.Name} ger högst {Money.ToKronor(company.MaxMonthlyLimitOre)} i månadskredit per resenär. Ange en lägre kredit.");
        }

        // A changed limit on a standing grant is no news to the traveller; a new grant is, with its code. (A grant
        // whose code never went out, because something failed halfway, gets one when the admin saves again.)
        var needsCode = enabled && state.State.ActivationUsername is null;
        if (needsCode && traveller.Mobile is null)
        {
            return Rejection.Field("mobile", MissingMobile);
        }

        if (!enabled)
        {
            await RevokeCodeAsync();
        }

        var before = Status();
        state.State.Enabled = enabled;
        state.State.MonthlyLimitOre = monthlyLimitOre;
        state.State.AllPayAdded &= enabled;
        await state.WriteOrDropActivationAsync(this);
        if (by is not null && (before.Enabled, before.MonthlyLimitOre) != (enabled, monthlyLimitOre))
        {
            await auditLog.AppendAsync(new AuditRecord(time.GetUtcNow(), traveller.CompanyId, by, AuditActions.BusinessTravelChanged,
                TravellerId, traveller.FullName, new { before.Enabled, before.MonthlyLimitOre }, new { Enabled = enabled, MonthlyLimitOre = monthlyLimitOre }));
        }

        await Credit.SetLimitAsync(enabled, monthlyLimitOre);
        return needsCode ? await SendCodeAsync(traveller) : Outcome<BusinessTravelStatus>.Success(Status());
    }

    public async Task<Outcome<BusinessTravelStatus>> SendNewCodeAsync()
    {
        if (!state.State.Enabled)
        {
            return Rejection.Of(RejectionCodes.BusinessTravelNotGranted, "Bevilja tjänsteresor först; då skickas en kod.");
        }

        var traveller = await GrainFactory.GetGrain<IUserGrain>(TravellerId).GetAsync();
        return traveller?.Mobile is null ? Rejection.Field("mobile", MissingMobile) : await SendCodeAsync(traveller);
    }

    /// <summary>A new temporary user name and one-time code, by SMS; the previous code stops working.</summary>
    private async Task<Outcome<BusinessTravelStatus>> SendCodeAsync(UserProfile traveller)
    {
        await RevokeCodeAsync();
        var (username, code) = (OneTimeCodes.NewUsername(), OneTimeCodes.NewCode());
        await GrainFactory.GetGrain<IAppActivationGrain>(username).IssueAsync(TravellerId, OneTimeCodes.Hash(code), time.GetUtcNow() + CodeLifetime);
        state.State.ActivationUsername = username;
        await state.WriteOrDropActivationAsync(this);
        await outbox.EnqueueAsync([NotificationTemplates.BusinessTravelGranted(
            TravellerId, traveller.Mobile!, username, code, state.State.MonthlyLimitOre, portal.Value.App, Guid.NewGuid())]);
        return Outcome<BusinessTravelStatus>.Success(Status());
    }

    private async Task RevokeCodeAsync()
    {
        if (state.State.ActivationUsername is { } previous)
        {
            await GrainFactory.GetGrain<IAppActivationGrain>(previous).RevokeAsync();
            state.State.ActivationUsername = null;
        }
    }

    public async Task<Outcome<BusinessTravelStatus>> AddAllPayAsync()
    {
        if (!state.State.Enabled)
        {
            return Rejection.Of(RejectionCodes.BusinessTravelNotGranted, "Tjänsteresor med Faktura via AllPay är inte aktiverat för dig. Kontakta din administratör.");
        }

        state.State.AllPayAdded = true;
        await state.WriteOrDropActivationAsync(this);
        return Outcome<BusinessTravelStatus>.Success(Status());
    }

    public async Task<Outcome<BusinessTripReceipt>> BuyAsync(BusinessTripPurchase purchase)
    {
        var refused = Check(purchase, out var zones, out var quote);
        var charged = refused
            ?? await Credit.ChargeAsync(await ChargeForAsync(purchase, zones, quote!)); // a known key gets its first receipt
        if (charged.Rejection is { } rejection)
        {
            // A retry gets the first answer, even if the grant or the prices have changed since.
            if (await Credit.FindReceiptAsync(purchase.IdempotencyKey) is { Ticket: { } earlierTicket } earlier)
            {
                return Outcome<BusinessTripReceipt>.Success(new BusinessTripReceipt(earlierTicket, earlier.Credit));
            }

            if (refused is not null)
            {
                metrics.Refused(rejection.Code); // the credit account counts the refusals it makes
            }

            return rejection;
        }

        var receipt = charged.Value!;
        return Outcome<BusinessTripReceipt>.Success(new BusinessTripReceipt(receipt.Ticket!, receipt.Credit));
    }

    /// <summary>Why this purchase cannot be made now, or null when it can, with its zones and price.</summary>
    private Rejection? Check(BusinessTripPurchase purchase, out string[] zones, out FareQuote? quote)
    {
        zones = [.. purchase.Zones.Distinct()];
        quote = null;
        if (!state.State.Enabled)
        {
            return Rejection.Of(RejectionCodes.BusinessTravelNotGranted, "Tjänsteresor med Faktura via AllPay är inte aktiverat för dig. Kontakta din administratör.");
        }

        if (!state.State.AllPayAdded)
        {
            return Rejection.Of(RejectionCodes.AllPayNotAdded, "Lägg till Faktura via AllPay under Mer → Betalmedel först.");
        }

        if (string.IsNullOrWhiteSpace(purchase.Purpose))
        {
            return Rejection.Field("purpose", "Ange syftet med tjänsteresan.");
        }

        if (purchase.Purpose.Trim().Length > MaxPurposeLength)
        {
            return Rejection.Field("purpose", $"Skriv syftet med högst {MaxPurposeLength} tecken.");
        }

        if (zones.FirstOrDefault(zone => !transit.HasZone(zone)) is { } unknown)
        {
            return Rejection.Field("zones", $"Zon {unknown} finns inte i Kalmar län. Välj zoner i listan.");
        }

        return prices.TryQuote(purchase.ProductId, purchase.CategoryId, zones.Length, out quote, out var priceError)
            ? null
            : Rejection.Field(zones.Length == 0 ? "zones" : "productId", priceError);
    }

    /// <summary>The charge of a checked purchase, with the ticket it pays for, which the account writes with the charge.</summary>
    private async Task<CreditCharge> ChargeForAsync(BusinessTripPurchase purchase, string[] zones, FareQuote quote)
    {
        var traveller = (await GrainFactory.GetGrain<IUserGrain>(TravellerId).GetAsync())!;
        var purpose = purchase.Purpose!.Trim();
        var now = time.GetUtcNow();
        var ticket = new Ticket(
            Guid.NewGuid(), quote.Product.Name, quote.Category.Name, zones, new Carrier(CarrierType.App, traveller.Mobile ?? ""),
            quote.Price.TotalOre, now, now, now.AddMinutes(quote.Product.ValidityMinutes), Ticket.BusinessTrip, purpose);
        return new CreditCharge(
            purchase.IdempotencyKey, traveller.CompanyId, traveller.DepartmentId, quote.Product.Name, quote.Category.Name,
            zones, purpose, quote.Price, ticket);
    }

    private ICreditAccountGrain Credit => GrainFactory.GetGrain<ICreditAccountGrain>(TravellerId);

    private BusinessTravelStatus Status() => new(state.State.Enabled, state.State.MonthlyLimitOre, state.State.AllPayAdded);
}
