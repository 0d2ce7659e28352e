using Kalmar.Grains.Contracts;

namespace Kalmar.Grains.Abstractions;

/// <summary>A traveller's business travel (keyed by user id): the grant, AllPay in the app, and purchases on credit.</summary>
[Alias("Kalmar.IBusinessTravelGrain")]
public interface IBusinessTravelGrain : IGrainWithGuidKey
{
    [Alias("Get")]
    Task<BusinessTravelStatus> GetAsync();

    /// <summary>Grants (sending an SMS with a new user name and one-time code) or revokes, and sets the monthly limit.</summary>
    [Alias("Grant")]
    Task<Outcome<BusinessTravelStatus>> GrantAsync(bool enabled, long monthlyLimitOre);

    [Alias("AddAllPay")]
    Task<Outcome<BusinessTravelStatus>> AddAllPayAsync();

    /// <summary>Charges the credit and issues the ticket; the same key returns the first result and charges once.</summary>
    [Alias("Buy")]
    Task<Outcome<BusinessTripReceipt>> BuyAsync(BusinessTripPurchase purchase);
}
