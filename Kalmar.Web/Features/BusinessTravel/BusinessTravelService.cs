using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;

namespace Kalmar.Web.Features.BusinessTravel;

/// <summary>The app's business travel: activation with the SMS code, AllPay, the month's credit and purchases on it.</summary>
public sealed class BusinessTravelService(IClusterClient cluster)
{
    /// <summary>The account the code belonged to is no longer active.</summary>
    public static readonly Rejection NotActive = Rejection.Of(RejectionCodes.InvalidCode, "Kontot är inte aktivt.");

    /// <summary>Who the code belongs to, for the app session that the caller opens.</summary>
    public async Task<Outcome<UserSession>> ActivateAsync(string username, string code)
    {
        // A name we never issued has no code to guess: answered at once, without creating a grain for it.
        var normalized = OneTimeCodes.NormalizeUsername(username);
        var activated = OneTimeCodes.IsUsername(normalized)
            ? await cluster.GetGrain<IAppActivationGrain>(normalized).ActivateAsync(code)
            : Rejection.Of(RejectionCodes.InvalidCode, RejectionMessages.InvalidCode);
        if (activated.Rejection is { } rejection)
        {
            return rejection;
        }

        return await cluster.GetGrain<IUserGrain>(activated.Value).GetSessionAsync() is { } session
            ? Outcome<UserSession>.Success(session)
            : NotActive;
    }

    /// <summary>Whether AllPay is added; a revoke removes it.</summary>
    public async Task<bool> HasAllPayAsync(Guid userId) => (await cluster.GetGrain<IBusinessTravelGrain>(userId).GetAsync()).AllPayAdded;

    /// <summary>Adding it again is no error.</summary>
    public Task<Outcome<BusinessTravelStatus>> AddAllPayAsync(Guid userId) => cluster.GetGrain<IBusinessTravelGrain>(userId).AddAllPayAsync();

    public Task<CreditView> CreditAsync(Guid userId) => cluster.GetGrain<ICreditAccountGrain>(userId).GetAsync();

    /// <summary>The same idempotency key returns the first result and charges once.</summary>
    public Task<Outcome<BusinessTripReceipt>> BuyAsync(Guid userId, BusinessTripPurchase purchase) =>
        cluster.GetGrain<IBusinessTravelGrain>(userId).BuyAsync(purchase);
}
