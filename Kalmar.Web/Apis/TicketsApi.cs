using Kalmar.Web.Features.Tickets;
using Kalmar.Web.Payloads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalmar.Web.Apis;

/// <summary>
/// Ticket inspection, open to anyone (an inspector's device has no account): the verification of a QR payload, counted
/// per IP address by the API's limit, and the public keys that let a device verify without a connection.
/// </summary>
public static class TicketsApi
{
    public const string KeysPath = "/.well-known/ticket-keys.json";

    public static IEndpointRouteBuilder MapTicketsApi(this IEndpointRouteBuilder app)
    {
        // It acts on no one's cookie, so a signed-in inspector's browser needs no antiforgery token.
        app.MapPost("/api/tickets/verify", VerifyAsync).AllowAnonymous().DisableAntiforgery()
            .WithTags("Biljettkontroll").WithName("VerifyTicket").WithSummary("Kontrollera en biljetts QR-kod: giltig, spärrad, utgången, ännu inte giltig eller förfalskad");
        app.MapGet(KeysPath, KeysAsync).AllowAnonymous()
            .WithTags("Biljettkontroll").WithName("GetTicketKeys").WithSummary("De publika nycklar (JWK) som kontrollerar biljetters QR-koder utan anslutning");
        return app;
    }

    public sealed record VerifyRequest(string? Payload);

    public static async Task<Results<Ok<TicketCheckPayload>, ProblemHttpResult>> VerifyAsync(VerifyRequest request, TicketInspection inspection)
    {
        if (string.IsNullOrWhiteSpace(request.Payload))
        {
            return Problems.Invalid("payload", "Klistra in biljettens kod (innehållet i QR-koden).");
        }

        if (request.Payload.Length > TicketCodeLayout.MaxPayloadLength)
        {
            return Problems.Invalid("payload", $"Koden är för lång för att vara en biljett (högst {TicketCodeLayout.MaxPayloadLength} tecken).");
        }

        return TypedResults.Ok(TicketCheckPayload.Of(await inspection.CheckAsync(request.Payload.Trim())));
    }

    /// <summary>Cacheable for five minutes: the next key is published a rotation period before it signs.</summary>
    public static async Task<Ok<TicketKeysPayload>> KeysAsync(HttpContext http, TicketKeyRing keys)
    {
        http.Response.Headers.CacheControl = "public, max-age=300";
        http.Response.Headers.AccessControlAllowOrigin = "*";
        return TypedResults.Ok(TicketKeysPayload.Of(await keys.PublishedAsync()));
    }
}
