using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Infrastructure;
using Kalmar.Web.Payloads;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalmar.Web.Apis;

public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/me").WithTags("Resenär").RequireAuthorization();
        api.MapGet("/", GetAsync).WithName("GetMe").WithSummary("Den inloggade användaren");
        api.MapPut("/", UpdateAsync).WithName("UpdateMe").WithSummary("Spara Min profil (personliga uppgifter och notiser)");
        api.MapPost("/password", ChangePasswordAsync).WithName("ChangePassword").WithSummary("Byt lösenord; andra inloggningar avslutas");
        api.MapGet("/tickets", ListTicketsAsync).WithName("ListMyTickets").WithSummary("Mina aktiva biljetter");
        api.MapGet("/tickets/{id:guid}/qr", GetTicketCodeAsync).WithName("GetTicketCode").WithSummary("Mobilbiljettens signerade QR-kod (SVG och innehåll)");
        api.MapGet("/terms", GetTermsAsync).WithName("GetMyTerms").WithSummary("Vilken version av villkoren jag har godkänt");
        api.MapPost("/terms", AcceptTermsAsync).WithName("AcceptTerms").WithSummary("Godkänn Integritetspolicy och Allmänna villkor");
        api.MapGet("/export", ExportAsync).WithName("ExportMyData").WithSummary("Allt systemet har om mig, som JSON (GDPR)");
        return app;
    }

    public sealed record UpdateRequest(
        string? FirstName, string? LastName, string? Personnummer, string? Email, string? Mobile, string? Phone, NotifyResponse? Notify);

    public sealed record TermsResponse(string CurrentVersion, string? AcceptedVersion, DateTimeOffset? AcceptedAt);

    public sealed record AcceptTermsRequest(string? Version);

    public static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> UpdateAsync(UpdateRequest request, HttpContext http, IClusterClient cluster)
    {
        var userId = http.User.GetUserId();
        var notify = new NotificationChoice(request.Notify?.Email ?? true, request.Notify?.Sms ?? false);
        var updated = await cluster.GetGrain<IUserGrain>(userId).UpdateProfileAsync(new ProfileUpdate(
            request.FirstName, request.LastName, request.Personnummer, request.Email, request.Mobile, request.Phone, notify));
        return updated.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Ok((await MeResponse.LoadAsync(cluster, userId))!);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(PasswordChange request, HttpContext http, IClusterClient cluster)
    {
        var changed = await cluster.GetGrain<IUserGrain>(http.User.GetUserId()).ChangePasswordAsync(request);
        if (changed.Rejection is { } rejection)
        {
            return Problems.From(rejection);
        }

        // Every earlier session ended with the old stamp; a browser that changed it keeps going on a fresh cookie.
        if (http.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
        {
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                SessionClaims.ToPrincipal(changed.Value!, CookieAuthenticationDefaults.AuthenticationScheme));
        }

        return TypedResults.NoContent();
    }

    public static async Task<Ok<TermsResponse>> GetTermsAsync(HttpContext http, IClusterClient cluster)
    {
        var accepted = await cluster.GetGrain<IUserGrain>(http.User.GetUserId()).GetTermsAsync();
        return TypedResults.Ok(new TermsResponse(TermsAcceptance.CurrentVersion, accepted?.Version, accepted?.AcceptedAt));
    }

    public static async Task<Results<Ok<TermsResponse>, ProblemHttpResult>> AcceptTermsAsync(AcceptTermsRequest request, HttpContext http, IClusterClient cluster)
    {
        if (request.Version != TermsAcceptance.CurrentVersion)
        {
            return Problems.Invalid("version", $"Godkänn den gällande versionen av villkoren ({TermsAcceptance.CurrentVersion}).");
        }

        var accepted = await cluster.GetGrain<IUserGrain>(http.User.GetUserId()).AcceptTermsAsync(request.Version);
        return TypedResults.Ok(new TermsResponse(TermsAcceptance.CurrentVersion, accepted.Version, accepted.AcceptedAt));
    }

    public static async Task<Results<JsonHttpResult<PersonalDataExport>, ProblemHttpResult>> ExportAsync(HttpContext http, IClusterClient cluster, TravellerLedger ledger)
    {
        if (await PersonalDataExport.LoadAsync(cluster, ledger, http.User.GetUserId()) is not { } export)
        {
            return Problems.NotFound("Användaren");
        }

        http.Response.Headers.ContentDisposition = "attachment; filename=\"mina-uppgifter.json\"";
        return TypedResults.Json(export);
    }

    public sealed record TicketCodeResponse(Guid TicketId, string Payload, string Svg);

    public static async Task<Results<Ok<TicketCodeResponse>, ProblemHttpResult>> GetTicketCodeAsync(
        Guid id, HttpContext http, IClusterClient cluster, TicketCodes codes)
    {
        var userId = http.User.GetUserId();
        if ((await cluster.GetGrain<IUserGrain>(userId).GetActiveTicketsAsync()).FirstOrDefault(ticket => ticket.Id == id) is not { } ticket)
        {
            return Problems.NotFound("Biljetten");
        }

        var payload = codes.PayloadFor(userId, TicketPayload.Of(ticket));
        return TypedResults.Ok(new TicketCodeResponse(id, payload, TicketCodes.Svg(payload)));
    }

    public static async Task<Ok<TicketPayload[]>> ListTicketsAsync(HttpContext http, IClusterClient cluster) =>
        TypedResults.Ok(await LoadTicketsAsync(cluster, http.User.GetUserId()));

    /// <summary>A user's active tickets as the API, the pages and the data export show them.</summary>
    public static async Task<TicketPayload[]> LoadTicketsAsync(IClusterClient cluster, Guid userId) =>
        [.. (await cluster.GetGrain<IUserGrain>(userId).GetActiveTicketsAsync()).Select(TicketPayload.Of)];

    public static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> GetAsync(HttpContext http, IClusterClient cluster) =>
        await MeResponse.LoadAsync(cluster, http.User.GetUserId()) is { } me
            ? TypedResults.Ok(me)
            : Problems.NotFound("Användaren");
}
