using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Invoices;
using Kalmar.Web.Features.Profile;
using Kalmar.Web.Features.Receipts;
using Kalmar.Web.Features.Terms;
using Kalmar.Web.Features.Tickets;
using Kalmar.Web.Payloads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalmar.Web.Apis;

public static class MeApi
{
    private const int DefaultGroupPageSize = 20;

    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/me").WithTags("Resenär").RequireAuthorization();
        api.MapGet("/", GetAsync).WithName("GetMe").WithSummary("Den inloggade användaren");
        api.MapPut("/", UpdateAsync).WithName("UpdateMe")
            .WithSummary("Spara Min profil (personliga uppgifter och notiser); ny e-post kräver lösenordet och bekräftas via länk");
        api.MapPost("/password", ChangePasswordAsync).WithName("ChangePassword").WithSummary("Byt lösenord; andra inloggningar avslutas");
        api.MapGet("/tickets", ListTicketsAsync).WithName("ListMyTickets").WithSummary("Mina aktiva biljetter, alla eller en grupp (group=active|upcoming|blocked) sida för sida");
        api.MapGet("/tickets/groups", ListTicketGroupsAsync).WithName("ListMyTicketGroups").WithSummary("Aktiva, kommande och spärrade biljetter: antal och de första i varje grupp");
        api.MapGet("/tickets/{id:guid}/qr", GetTicketCodeAsync).WithName("GetTicketCode").WithSummary("Mobilbiljettens signerade QR-kod (SVG och innehåll)");
        api.MapGet("/terms", GetTermsAsync).WithName("GetMyTerms").WithSummary("Vilken version av villkoren jag har godkänt");
        api.MapPost("/terms", AcceptTermsAsync).WithName("AcceptTerms").WithSummary("Godkänn Integritetspolicy och Allmänna villkor");
        api.MapGet("/purchases", ListPurchasesAsync).WithName("ListMyPurchases").WithSummary("Mina köp under en månad (month=ÅÅÅÅ-MM), med kvitton");
        api.MapGet("/purchases/{id:guid}/receipt.pdf", GetReceiptAsync).WithName("GetReceiptPdf").WithSummary("Kvitto för ett av mina köp, som PDF");
        api.MapGet("/export", ExportAsync).WithName("ExportMyData").WithSummary("Allt systemet har om mig, som JSON (GDPR)");
        return app;
    }

    /// <summary>A new <see cref="Email"/> also takes <see cref="CurrentPassword"/>, and changes once the link e-mailed to it is used.</summary>
    public sealed record UpdateRequest(
        string? FirstName, string? LastName, string? Personnummer, string? Email, string? Mobile, string? Phone, NotifyResponse? Notify,
        string? CurrentPassword = null);

    public sealed record TermsResponse(string CurrentVersion, string? AcceptedVersion, DateTimeOffset? AcceptedAt);

    public sealed record AcceptTermsRequest(string? Version);

    public sealed record TicketCodeResponse(Guid TicketId, string Payload, string Svg);

    public static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> GetAsync(HttpContext http, ProfileService profile) =>
        await profile.GetAsync(http.User.GetUserId()) is { } me
            ? TypedResults.Ok(me)
            : Problems.NotFound("Användaren");

    public static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> UpdateAsync(UpdateRequest request, HttpContext http, ProfileService profile)
    {
        var userId = http.User.GetUserId();
        var notify = new NotificationChoice(request.Notify?.Email ?? true, request.Notify?.Sms ?? false);
        var updated = await profile.UpdateAsync(userId, new ProfileUpdate(
            request.FirstName, request.LastName, request.Personnummer, request.Email, request.Mobile, request.Phone, notify, request.CurrentPassword));
        return updated.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Ok((await profile.GetAsync(userId))!);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(PasswordChange request, HttpContext http, ProfileService profile)
    {
        var changed = await profile.ChangePasswordAsync(http.User.GetUserId(), http.User.GetSessionId(), request);
        return changed.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.NoContent();
    }

    /// <summary>
    /// Without <c>group</c>: the unexpired tickets as api.md lists them, soonest ending first; <c>?page=</c> (from 1) and
    /// <c>?pageSize=</c> (at most 500, the default) page them. With <c>group</c>: a page (<c>pageSize</c> at most 100,
    /// 20 by default) of that group, with its total, optionally only on one <c>carrier</c> (<c>app</c>, <c>card</c>).
    /// </summary>
    public static async Task<Results<Ok<TicketPayload[]>, Ok<TicketGroupPayload>, ProblemHttpResult>> ListTicketsAsync(
        HttpContext http, TicketsService tickets, int? page, int? pageSize, string? group, string? carrier)
    {
        if (group is null && carrier is null)
        {
            return TypedResults.Ok((await tickets.ActiveAsync(http.User.GetUserId(), page ?? 1, pageSize ?? IUserGrain.MaxTicketPageSize))
                .Select(TicketPayload.Of).ToArray());
        }

        if (TicketGroupNames.Parse(group) is not { } chosen)
        {
            return Problems.Invalid("group", "Välj en grupp: active, upcoming eller blocked.");
        }

        if (ParseCarrier(carrier) is not (true, var carrierType))
        {
            return Problems.Invalid("carrier", "Välj biljettbärare: app eller card.");
        }

        var size = Math.Clamp(pageSize ?? DefaultGroupPageSize, 1, IUserGrain.MaxTicketGroupPageSize);
        var number = Math.Max(page ?? 1, 1);
        return TypedResults.Ok(TicketGroupPayload.Of(await tickets.GroupAsync(http.User.GetUserId(), chosen, carrierType, number, size), number, size));
    }

    /// <summary>Aktiva, Kommande and Spärrade, each with its total and its first <c>take</c> tickets (3 by default, at most 100).</summary>
    public static async Task<Results<Ok<TicketGroupPayload[]>, ProblemHttpResult>> ListTicketGroupsAsync(
        HttpContext http, TicketsService tickets, int? take, string? carrier)
    {
        if (ParseCarrier(carrier) is not (true, var carrierType))
        {
            return Problems.Invalid("carrier", "Välj biljettbärare: app eller card.");
        }

        var first = Math.Clamp(take ?? TicketsService.FirstOfGroup, 0, IUserGrain.MaxTicketGroupPageSize);
        var groups = await tickets.GroupsAsync(http.User.GetUserId(), carrierType, first);
        return TypedResults.Ok(groups.Select(group => TicketGroupPayload.Of(group, 1, first)).ToArray());
    }

    /// <summary>No carrier (any), or one the API names.</summary>
    private static (bool Valid, CarrierType? Carrier) ParseCarrier(string? carrier) =>
        carrier is null ? (true, null) : CarrierTypeNames.Parse(carrier) is { } type ? (true, type) : (false, null);

    public static async Task<Results<Ok<TicketCodeResponse>, ProblemHttpResult>> GetTicketCodeAsync(Guid id, HttpContext http, TicketsService tickets) =>
        await tickets.SignedCodeAsync(http.User.GetUserId(), id) is { } payload
            ? TypedResults.Ok(new TicketCodeResponse(id, payload, TicketCodes.Svg(payload)))
            : Problems.NotFound("Biljetten");

    public static async Task<Ok<TermsResponse>> GetTermsAsync(HttpContext http, TermsService terms) =>
        TypedResults.Ok(Terms(await terms.AcceptedAsync(http.User.GetUserId())));

    public static async Task<Results<Ok<TermsResponse>, ProblemHttpResult>> AcceptTermsAsync(AcceptTermsRequest request, HttpContext http, TermsService terms)
    {
        var accepted = await terms.AcceptAsync(http.User.GetUserId(), request.Version);
        return accepted.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Ok(Terms(accepted.Value));
    }

    public static async Task<Results<JsonHttpResult<PersonalDataExport>, ProblemHttpResult>> ExportAsync(HttpContext http, ProfileService profile)
    {
        if (await profile.ExportAsync(http.User.GetUserId()) is not { } export)
        {
            return Problems.NotFound("Användaren");
        }

        http.Response.Headers.ContentDisposition = "attachment; filename=\"mina-uppgifter.json\"";
        return TypedResults.Json(export);
    }

    /// <summary>Business trips and approved staff-offer lines of <paramref name="month"/> (default this month), newest first.</summary>
    public static async Task<Results<Ok<PurchaseMonth>, ProblemHttpResult>> ListPurchasesAsync(string? month, HttpContext http, ReceiptReader receipts)
    {
        if (month is not null && !InvoiceMonth.IsValid(month))
        {
            return Problems.Invalid("month", InvoicesService.BadMonth);
        }

        return TypedResults.Ok(await receipts.MonthAsync(http.User.GetUserId(), month ?? receipts.CurrentMonth));
    }

    /// <summary>Inline, so a browser shows it; another traveller's purchase is 404, as one that does not exist.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetReceiptAsync(
        Guid id, HttpContext http, ReceiptReader receipts, ReceiptPdf pdf)
    {
        if (await receipts.ReceiptAsync(http.User.GetUserId(), id) is not { } receipt)
        {
            return Problems.NotFound("Köpet");
        }

        http.Response.Headers.ContentDisposition = $"inline; filename=\"kvitto-{id}.pdf\"";
        return TypedResults.File(pdf.Write(receipt), "application/pdf");
    }

    private static TermsResponse Terms(TermsAcceptance? accepted) =>
        new(TermsAcceptance.CurrentVersion, accepted?.Version, accepted?.AcceptedAt);
}
