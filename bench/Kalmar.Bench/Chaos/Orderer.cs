using System.Collections.Concurrent;
using System.Net;
using Kalmar.Bench.Portal;

namespace Kalmar.Bench.Chaos;

/// <summary>
/// A traveller ordering staff-offer tickets: one journey in the cart, then checkout under an idempotency key. Putting a
/// journey in the cart has no key, so after an unknown outcome the cart is read again and a second copy taken out, as a
/// traveller looking at the cart would.
/// </summary>
public sealed class Orderer(Traveller traveller, int home, PatientApi api, string journeyId)
{
    private static readonly TimeSpan Between = TimeSpan.FromMilliseconds(1500);

    public Traveller Traveller => traveller;

    /// <summary>The orders the traveller was told were placed (201).</summary>
    public ConcurrentQueue<Guid> Placed { get; } = new();

    public ConcurrentQueue<string> Refused { get; } = new();

    public int Unanswered { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (await OneJourneyInCartAsync())
            {
                var key = Guid.NewGuid().ToString("N");
                Record(await api.SendAsync("a checkout", home, HttpMethod.Post, "/api/cart/checkout", traveller.Token, new { idempotencyKey = key }));
            }

            await Task.Delay(Between, CancellationToken.None);
        }
    }

    private void Record(Answer? answer)
    {
        if (answer is null)
        {
            Unanswered++;
        }
        else if (answer.Status == HttpStatusCode.Created)
        {
            Placed.Enqueue(answer.Json.GetProperty("id").GetGuid());
        }
        else
        {
            Refused.Enqueue($"checkout {(int)answer.Status} {answer.ProblemType}");
        }
    }

    private async Task<bool> OneJourneyInCartAsync()
    {
        while (true)
        {
            var cart = await api.SendAsync("reading the cart", home, HttpMethod.Get, "/api/cart", traveller.Token);
            if (cart?.Status != HttpStatusCode.OK)
            {
                return false;
            }

            var items = cart.Json.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ToList();
            if (items.Count == 1)
            {
                return true;
            }

            var answer = items.Count == 0
                ? await api.SendAsync("adding to the cart", home, HttpMethod.Post, "/api/cart/items", traveller.Token, StaffOrders.CartItem(journeyId))
                : await api.SendAsync("emptying the cart", home, HttpMethod.Delete, $"/api/cart/items/{items[^1]}", traveller.Token);
            if (answer is null || (int)answer.Status >= 400)
            {
                Refused.Enqueue($"cart {(int?)answer?.Status} {answer?.ProblemType}");
                return false;
            }
        }
    }
}
