using Kalmar.Web.Auth;
using Kalmar.Web.Features.Tickets;
using Kalmar.Web.Payloads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalmar.Web.Apis;

/// <summary>An admin blocks (spärrar) or recalls (återkallar) a ticket of a traveller in scope.</summary>
public static class AdminTicketsApi
{
    public static IEndpointRouteBuilder MapAdminTicketsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/tickets").WithTags("Biljetter").RequireAuthorization(AdminScope.Policy);
        api.MapPost("/{id:guid}/block", BlockAsync).WithName("BlockTicket")
            .WithSummary("Spärra en biljett med ett skäl (t.ex. borttappad telefon); resenärens enheter visar den som spärrad direkt");
        api.MapPost("/{id:guid}/recall", RecallAsync).WithName("RecallTicket")
            .WithSummary("Återkalla en biljett som inte börjat gälla; företaget krediteras (resenärens kredit eller nästa faktura)");
        return app;
    }

    public sealed record BlockRequest(string? Reason);

    public static async Task<Results<Ok<TicketPayload>, ProblemHttpResult>> BlockAsync(Guid id, BlockRequest? request, HttpContext http, TicketAdminService tickets)
    {
        var blocked = await tickets.BlockAsync(AdminScope.Of(http.User), id, request?.Reason);
        return blocked.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Ok(TicketPayload.Of(blocked.Value!));
    }

    public static async Task<Results<Ok<RecalledTicketPayload>, ProblemHttpResult>> RecallAsync(Guid id, HttpContext http, TicketAdminService tickets)
    {
        var recalled = await tickets.RecallAsync(AdminScope.Of(http.User), id);
        return recalled.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Ok(RecalledTicketPayload.Of(recalled.Value!));
    }
}
