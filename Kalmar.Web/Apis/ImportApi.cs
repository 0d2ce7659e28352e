using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Import;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Kalmar.Web.Apis;

/// <summary>
/// Traveller import from a CSV file (api.md, "Travellers"). The form is read in the handler rather than bound as an
/// <see cref="IFormFile"/> parameter: a bound form makes the endpoint demand ASP.NET's antiforgery middleware for every
/// caller, while <see cref="CookieApiAntiforgery"/> asks for the token only of cookie callers and never of bearer clients.
/// </summary>
public static class ImportApi
{
    /// <summary>The file's 5 MB and room for the multipart envelope around it.</summary>
    public const long MaxRequestBytes = TravellerImportService.MaxFileBytes + 64 * 1024;

    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/admin/travellers/import", ImportAsync).WithTags("Resenärer").RequireAuthorization(AdminScope.Policy)
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .WithName("ImportTravellers")
            .WithSummary("Importera resenärer från en CSV-fil (fältet file); dryRun=true kontrollerar bara. En fil med fel sparas inte.");
        return app;
    }

    public static async Task<Results<Ok<TravellerImportResult>, ProblemHttpResult>> ImportAsync(
        HttpContext http, TravellerImportService import, bool? dryRun)
    {
        if (!http.Request.HasFormContentType)
        {
            return NoFile();
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (BadHttpRequestException bad) when (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (InvalidDataException)
        {
            return NoFile(); // not a readable multipart form
        }

        if (form.Files.GetFile("file") is not { Length: > 0 } file)
        {
            return NoFile();
        }

        if (file.Length > TravellerImportService.MaxFileBytes)
        {
            return TooLarge();
        }

        using var content = new MemoryStream((int)file.Length);
        await file.CopyToAsync(content, http.RequestAborted);
        content.Position = 0;
        var imported = await import.ImportAsync(AdminScope.Of(http.User), content, dryRun ?? true);
        return imported.Rejection is { } rejection
            ? Problems.Create(StatusCodes.Status413PayloadTooLarge, rejection.Code, "Filen är för stor", rejection.Message)
            : TypedResults.Ok(imported.Value!);
    }

    private static ProblemHttpResult NoFile() => Problems.Invalid("file", "Välj en CSV-fil att importera (fältet file).");

    private static ProblemHttpResult TooLarge() => Problems.Create(
        StatusCodes.Status413PayloadTooLarge, "file-too-large", "Filen är för stor", "Filen får vara högst 5 MB. Dela upp den i flera filer.");
}
