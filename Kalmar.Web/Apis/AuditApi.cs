using CsvHelper;
using Kalmar.Contracts.Domain;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Audit;
using Kalmar.Web.Features.Travellers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalmar.Web.Apis;

/// <summary>The company's Händelselogg: every administrative change, filtered, paged, and as CSV.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin").WithTags("Händelselogg").RequireAuthorization(AdminScope.Policy);
        api.MapGet("/audit", SearchAsync).WithName("ListAuditEntries").WithSummary("Händelser, nyast först (travellerId, action, from, to, page)");
        api.MapGet("/audit.csv", ExportAsync).WithName("ExportAuditEntries").WithSummary("Händelserna som CSV (öppnas i Excel)");
        return app;
    }

    public static async Task<Ok<Paged<AuditEntry>>> SearchAsync(
        HttpContext http, AuditTrail audit, Guid? travellerId, string? action, DateOnly? from, DateOnly? to, int? page) =>
        TypedResults.Ok(await audit.SearchAsync(AdminScope.Of(http.User), new AuditQuery(travellerId, action, from, to, page ?? 1)));

    /// <summary>Streamed: rows are written as they are read, so a long log needs no more memory than a short one.</summary>
    public static async Task ExportAsync(HttpContext http, AuditTrail audit, Guid? travellerId, string? action, DateOnly? from, DateOnly? to)
    {
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"handelselogg.csv\"";
        await using var csv = CsvWriter.Create(http.Response.Body, new CsvWriterOptions { Separator = ';', WriteByteOrderMark = true }, leaveOpen: true);
        await csv.WriteRecordAsync(["Tidpunkt", "Utförd av", "Händelse", "Gäller", "Före", "Efter"]);
        await foreach (var entry in audit.AllAsync(AdminScope.Of(http.User), new AuditQuery(travellerId, action, from, to)))
        {
            await csv.WriteRecordAsync([
                Stockholm.Format(entry.At), entry.Actor.Name, entry.ActionText, entry.Target.Name,
                entry.Before?.GetRawText() ?? "", entry.After?.GetRawText() ?? ""]);
        }
    }
}
