using System.Net;
using System.Text.Json;
using Kalmar.Bench.Measuring;

namespace Kalmar.Bench.Chaos;

/// <summary>
/// Sends a request until an answer says what happened, as the app does: a 5xx (503 <c>outcome-unknown</c> from a node
/// whose silo died), a refused connection (its node died) or no answer in time is sent again, the same body with the
/// same idempotency key, to whichever node the proxy now picks.
/// </summary>
public sealed class PatientApi(WebNodes nodes, ChaosStats stats)
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(500);

    /// <summary>Past this a command counts as never answered: the client was not told, and the check says so.</summary>
    private static readonly TimeSpan GiveUp = TimeSpan.FromMinutes(3);

    public async Task<Answer?> SendAsync(string what, int home, HttpMethod method, string path, string token, object? body = null)
    {
        long? firstFailure = null;
        var started = Ticks.Now;
        while (Ticks.Now < Ticks.After(started, GiveUp))
        {
            var node = nodes.Pick(home);
            stats.Attempted();
            try
            {
                using var response = await nodes.Portal(node).SendAsync(method, path, token, body);
                if (response.StatusCode < HttpStatusCode.InternalServerError)
                {
                    var text = await response.Content.ReadAsStringAsync();
                    if (firstFailure is { } since)
                    {
                        stats.Interrupted(what, since);
                    }

                    return new Answer(response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), firstFailure is not null);
                }

                stats.Failed(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (TaskCanceledException)
            {
                stats.Failed("no answer in 20 s");
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException)
            {
                stats.Failed("connection lost or refused");
                nodes.MarkDown(node);
            }

            firstFailure ??= Ticks.Now;
            await Task.Delay(Pause);
        }

        stats.Failed("never answered");
        return null;
    }
}
