using System.Collections.Concurrent;
using System.Net;

namespace Kalmar.Bench.Chaos;

/// <summary>
/// The company admin working the approval queue: approves each pending order, rejects every fifth (by its id). A decision
/// whose first attempt got no answer and whose retry is told <c>already-decided</c> was this admin's own: it is counted
/// as acknowledged with the decision it asked for; an <c>already-decided</c> without a failure before it is not.
/// </summary>
public sealed class Approver(string token, PatientApi api)
{
    private static readonly TimeSpan Between = TimeSpan.FromMilliseconds(500);

    public ConcurrentDictionary<Guid, string> Decided { get; } = new();

    public ConcurrentQueue<string> Refused { get; } = new();

    public int Unanswered { get; private set; }

    /// <summary>Decides until <paramref name="stop"/>, then until the queue is empty.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (true)
        {
            var queue = await api.SendAsync("reading the approval queue", 0, HttpMethod.Get, "/api/admin/approvals", token);
            var pending = queue?.Status == HttpStatusCode.OK
                ? queue.Json.EnumerateArray().Select(order => order.GetProperty("id").GetGuid()).Where(id => !Decided.ContainsKey(id)).ToList()
                : [];
            if (pending.Count == 0 && stop.IsCancellationRequested && queue is not null)
            {
                return;
            }

            foreach (var order in pending)
            {
                await DecideAsync(order);
            }

            await Task.Delay(Between, CancellationToken.None);
        }
    }

    public static string DecisionFor(Guid order) => order.GetHashCode() % 5 == 0 ? "rejected" : "approved";

    private async Task DecideAsync(Guid order)
    {
        var decision = DecisionFor(order);
        var answer = decision == "approved"
            ? await api.SendAsync("a decision", 0, HttpMethod.Post, $"/api/admin/orders/{order}/approve", token)
            : await api.SendAsync("a decision", 0, HttpMethod.Post, $"/api/admin/orders/{order}/reject", token, new { reason = "Inte i tjänsten (chaos)" });
        if (answer is null)
        {
            Unanswered++;
        }
        else if (answer.Status == HttpStatusCode.OK || (answer.AfterFailures && answer.ProblemType == "already-decided"))
        {
            Decided[order] = decision;
        }
        else
        {
            Refused.Enqueue($"{order}: {(int)answer.Status} {answer.ProblemType}");
        }
    }
}
