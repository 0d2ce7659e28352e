using System.Net;
using System.Net.Http.Json;

namespace Kalmar.Bench.Purchasing;

/// <summary>The row-lock baseline over HTTP: <c>POST /purchase</c>; its account ids are our account numbers plus one.</summary>
public sealed class BaselineTarget(HttpClient http) : IPurchaseTarget
{
    /// <summary>About what a one-zone single ticket costs in Kalmar, so both systems move similar sums.</summary>
    private const long AmountOre = 3_000;

    public string System => "baseline";

    public async Task CreateAccountsAsync(int count)
    {
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (account, cancellationToken) =>
        {
            using var response = await http.PutAsJsonAsync($"/accounts/{account + 1}", new { limitOre = Accounts.UnreachableLimitOre }, cancellationToken);
            response.EnsureSuccessStatusCode();
        });
    }

    public async Task<bool> BuyAsync(int account)
    {
        using var response = await http.PostAsJsonAsync("/purchase", new { accountId = account + 1, amountOre = AmountOre, idempotencyKey = Guid.NewGuid().ToString("N") });
        return response.StatusCode == HttpStatusCode.Created;
    }
}
