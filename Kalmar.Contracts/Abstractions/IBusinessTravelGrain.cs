using Kalmar.Contracts.Model;
using Orleans.Concurrency;

namespace Kalmar.Contracts.Abstractions;

/// <summary>A traveller's business travel (keyed by user id): the grant, AllPay in the app, and purchases on credit.</summary>
[Alias("Kalmar.IBusinessTravelGrain")]
public interface IBusinessTravelGrain : IGrainWithGuidKey
{
    [Alias("Get"), ReadOnly]
    Task<BusinessTravelStatus> GetAsync();

    /// <summary>
    /// Grants or revokes, and sets the monthly limit. A new grant sends an SMS with a user name and one-time code
    /// for the app; changing the limit of a standing grant sends nothing.
    /// </summary>
    [Alias("Grant")]
    Task<Outcome<BusinessTravelStatus>> GrantAsync(bool enabled, long monthlyLimitOre, Actor? by = null);

    /// <summary>"Skicka ny kod": a new user name and one-time code by SMS; the previous code stops working.</summary>
    [Alias("SendNewCode")]
    Task<Outcome<BusinessTravelStatus>> SendNewCodeAsync();

    [Alias("AddAllPay")]
    Task<Outcome<BusinessTravelStatus>> AddAllPayAsync();

    /// <summary>
    /// Charges the credit and issues the ticket; the same key returns the first result and charges once. Read-only
    /// here (the credit account owns the money), so one traveller's purchases reach the account together.
    /// </summary>
    [Alias("Buy"), ReadOnly]
    Task<Outcome<BusinessTripReceipt>> BuyAsync(BusinessTripPurchase purchase);
}
