using System.Collections.Concurrent;
using System.Net;
using Kalmar.Bench.Portal;

namespace Kalmar.Bench.Chaos;

/// <summary>A traveller buying business trips in the app, one after another, each under its own idempotency key.</summary>
public sealed class Buyer(Traveller traveller, int home, PatientApi api)
{
    private static readonly TimeSpan Between = TimeSpan.FromMilliseconds(200);

    public sealed record Receipt(string IdempotencyKey, Guid TicketId, long UsedOre);

    public Traveller Traveller => traveller;

    /// <summary>Every purchase the app was told succeeded (201), with the ticket and credit it was told of.</summary>
    public ConcurrentQueue<Receipt> Acknowledged { get; } = new();

    /// <summary>Purchases refused with an answer other than 201 (none expected: the limit is out of reach).</summary>
    public ConcurrentQueue<string> Refused { get; } = new();

    /// <summary>Purchases that never got an answer in the patience the app has.</summary>
    public int Unanswered { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var key = Guid.NewGuid().ToString("N");
            var answer = await api.SendAsync("a purchase", home, HttpMethod.Post, "/api/app/purchases", traveller.Token, Purchase.NewBody(key));
            if (answer is null)
            {
                Unanswered++;
            }
            else if (answer.Status == HttpStatusCode.Created)
            {
                Acknowledged.Enqueue(new Receipt(
                    key, answer.Json.GetProperty("ticket").GetProperty("id").GetGuid(), answer.Json.GetProperty("credit").GetProperty("usedOre").GetInt64()));
            }
            else
            {
                Refused.Enqueue($"{(int)answer.Status} {answer.ProblemType}");
            }

            await Task.Delay(Between, CancellationToken.None);
        }
    }
}
