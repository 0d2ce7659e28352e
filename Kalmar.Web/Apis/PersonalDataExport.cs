using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Web.Infrastructure;
using Kalmar.Web.Payloads;

namespace Kalmar.Web.Apis;

/// <summary>Everything the system holds about a user (GDPR art. 15 and 20), as one JSON document.</summary>
public sealed record PersonalDataExport(
    DateTimeOffset ExportedAt,
    MeResponse Profile,
    TermsAcceptance? TermsAccepted,
    IReadOnlyList<OrderPayload> Orders,
    IReadOnlyList<TicketPayload> Tickets,
    IReadOnlyList<TravellerLedger.Purchase> BusinessTripPurchases)
{
    public static async Task<PersonalDataExport?> LoadAsync(IClusterClient cluster, TravellerLedger ledger, Guid userId)
    {
        if (await MeResponse.LoadAsync(cluster, userId) is not { } me)
        {
            return null;
        }

        var user = cluster.GetGrain<IUserGrain>(userId);
        return new PersonalDataExport(
            DateTimeOffset.UtcNow, me, await user.GetTermsAsync(), await OrdersApi.LoadMineAsync(cluster, userId),
            await MeApi.LoadTicketsAsync(cluster, userId), await ledger.OfAsync(userId));
    }
}
