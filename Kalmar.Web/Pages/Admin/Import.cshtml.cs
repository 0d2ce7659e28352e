using System.IO.Compression;
using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Import;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace Kalmar.Web.Pages.Admin;

/// <summary>
/// "Importera från fil": a preview (a dry run) of the chosen file, then the import itself. The previewed file rides
/// along in the confirm form, compressed, rather than in a server-side store: any web node may take the confirm, and
/// nothing is left to clean up. The import checks every row again, so the file sent back cannot do more than an upload.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes, ValueLengthLimit = (int)MaxRequestBytes)]
public sealed class ImportModel(TravellerImportService import) : PageModel
{
    private const long MaxRequestBytes = 8 * 1024 * 1024;

    public TravellerImportResult? Result { get; private set; }

    public bool Imported { get; private set; }

    public string? FileName { get; private set; }

    /// <summary>The previewed file, gzipped and in base64, for the confirm form.</summary>
    public string? PackedFile { get; private set; }

    public string? Problem { get; private set; }

    public bool CanImport => Result is { Errors.Count: 0 } result && result.Created + result.Updated > 0 && PackedFile is not null;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file)
    {
        if (file is not { Length: > 0 })
        {
            Problem = "Välj en CSV-fil att förhandsgranska.";
            return Page();
        }

        if (file.Length > TravellerImportService.MaxFileBytes)
        {
            Problem = "Filen får vara högst 5 MB. Dela upp den i flera filer.";
            return Page();
        }

        using var bytes = new MemoryStream((int)file.Length);
        await file.CopyToAsync(bytes, HttpContext.RequestAborted);
        FileName = Path.GetFileName(file.FileName);
        await RunAsync(bytes.ToArray(), dryRun: true);
        if (Result is { Errors.Count: 0 })
        {
            PackedFile = Pack(bytes.ToArray());
        }

        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(string? content, string? fileName)
    {
        FileName = fileName;
        if (Unpack(content) is not { } bytes)
        {
            Problem = "Filen kom inte fram. Välj den och förhandsgranska igen.";
            return Page();
        }

        await RunAsync(bytes, dryRun: false);
        Imported = Result is { Errors.Count: 0 };
        return Page();
    }

    private async Task RunAsync(byte[] file, bool dryRun)
    {
        using var stream = new MemoryStream(file, writable: false);
        var outcome = await import.ImportAsync(AdminScope.Of(User), stream, dryRun);
        (Result, Problem) = (outcome.Value, outcome.Rejection?.Message);
    }

    private static string Pack(byte[] file)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(file);
        }

        return Convert.ToBase64String(packed.ToArray());
    }

    private static byte[]? Unpack(string? content)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(Convert.FromBase64String(content ?? "")), CompressionMode.Decompress);
            using var file = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                file.Write(buffer, 0, read);
                if (file.Length > TravellerImportService.MaxFileBytes)
                {
                    return null; // not a file this page packed
                }
            }

            return file.Length > 0 ? file.ToArray() : null;
        }
        catch (Exception exception) when (exception is FormatException or InvalidDataException)
        {
            return null;
        }
    }
}
