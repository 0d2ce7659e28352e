using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime.Messaging;

namespace Kalmar.Web.Infrastructure;

/// <summary>
/// A grain call that got no answer (its silo died, the gateway is gone or too busy, the call timed out) may or may not
/// have been carried out. The caller is told so with 503 and <c>Retry-After</c> instead of a bare 500: every command that
/// moves money or decides carries an idempotency key the grain remembers, so asking again with the same key is safe.
/// </summary>
internal sealed class OutcomeUnknownHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public const string Type = "outcome-unknown";

    /// <summary>Long enough for the cluster to notice a dead silo and place its grains elsewhere.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnanswered(exception))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // A page request gets the status and Retry-After without a body; the API gets the Problem Details.
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = Type,
                Title = "Svaret uteblev",
                Detail = "Vi vet inte om det du bad om blev gjort: en server slutade svara. Försök igen om en stund. "
                    + "Skicka samma förfrågan igen med samma idempotensnyckel (idempotencyKey): den genomförs bara en gång.",
            },
        });
        return true;
    }

    /// <summary>The Orleans client's ways of saying that a call got no answer (a rejection includes a dead target silo).</summary>
    private static bool IsUnanswered(Exception exception) =>
        exception is OrleansMessageRejectionException or GatewayTooBusyException or ConnectionFailedException or TimeoutException;
}
