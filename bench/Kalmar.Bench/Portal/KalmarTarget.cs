using System.Net;

namespace Kalmar.Bench.Portal;

/// <summary>Kalmar over HTTP: <c>POST /api/app/purchases</c> with the bearer token of the account's traveller.</summary>
public sealed class KalmarTarget(PortalHttp portal, IReadOnlyList<Traveller> travellers) : Purchasing.IPurchaseTarget
{
    public string System => "kalmar";

    public async Task<bool> BuyAsync(int account)
    {
        using var response = await portal.SendAsync(HttpMethod.Post, "/api/app/purchases", travellers[account].Token, Purchase.NewBody());
        return response.StatusCode == HttpStatusCode.Created;
    }
}
