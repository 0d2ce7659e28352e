using Kalmar.Contracts.Domain;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Invoices;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalmar.Web.Apis;

/// <summary>Fakturor: the company's monthly invoices (open and closed) as JSON, CSV and PDF, the payroll file, and the operator's overview.</summary>
public static class InvoicesApi
{
    public static IEndpointRouteBuilder MapInvoicesApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("Fakturor").RequireAuthorization(AdminScope.Policy);
        admin.MapGet("/invoices", ListAsync).WithName("ListInvoices").WithSummary("Månadernas fakturor, nyast först (öppen eller stängd)");
        admin.MapGet("/invoices/{month}", GetAsync).WithName("GetInvoice").WithSummary("En månads faktura; den öppna månaden är preliminär (departmentId)");
        admin.MapGet("/invoices/{month}.csv", CsvAsync).WithName("ExportInvoiceCsv").WithSummary("Fakturans rader som CSV (öppnas i Excel)");
        admin.MapGet("/invoices/{month}.pdf", PdfAsync).WithName("ExportInvoicePdf").WithSummary("Fakturan som PDF");
        admin.MapGet("/payroll/{month}.csv", PayrollAsync).WithName("ExportPayroll").WithSummary("Löneavdrag för personalerbjudandet per resenär");
        app.MapGet("/api/operator/invoices/{month}", AllCompaniesAsync).WithTags("Kunder").RequireAuthorization(AuthExtensions.OperatorPolicy)
            .WithName("ListCompanyInvoices").WithSummary("Alla kundföretags fakturor för en månad");
        app.MapGet("/api/operator/invoices/{month}.csv", IssuedCsvAsync).WithTags("Kunder").RequireAuthorization(AuthExtensions.OperatorPolicy)
            .WithName("ExportCompanyInvoicesCsv").WithSummary("Månadens stängda fakturor som CSV för Kalmar länstrafiks bokföring");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<InvoiceListItem>>, ProblemHttpResult>> ListAsync(
        HttpContext http, InvoicesService invoices, InvoiceReader reader, Guid? departmentId) =>
        await invoices.ScopeAsync(AdminScope.Of(http.User), departmentId) is { } scope
            ? TypedResults.Ok(await reader.ListAsync(scope))
            : Problems.NotFound("Avdelningen");

    public static async Task<Results<Ok<InvoiceView>, ProblemHttpResult>> GetAsync(string month, Guid? departmentId, HttpContext http, InvoicesService invoices)
    {
        var (scope, problem) = await ScopeAsync(month, departmentId, http, invoices);
        return scope is null ? problem! : TypedResults.Ok(await invoices.GetAsync(scope, month));
    }

    /// <summary>Streamed: each line is written as it is read.</summary>
    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> CsvAsync(
        string month, Guid? departmentId, HttpContext http, InvoicesService invoices, InvoiceReader reader)
    {
        var (scope, problem) = await ScopeAsync(month, departmentId, http, invoices);
        if (scope is null)
        {
            return problem!;
        }

        var header = await invoices.HeaderAsync(scope, month);
        Attachment(http, "text/csv; charset=utf-8", $"{FileName(header)}.csv");
        await InvoiceCsv.WriteLinesAsync(http.Response.Body, reader.LinesAsync(header, scope), http.RequestAborted);
        return TypedResults.Empty;
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> PdfAsync(
        string month, Guid? departmentId, HttpContext http, InvoicesService invoices, InvoiceReader reader, InvoicePdf pdf)
    {
        var (scope, problem) = await ScopeAsync(month, departmentId, http, invoices);
        if (scope is null)
        {
            return problem!;
        }

        var header = await invoices.HeaderAsync(scope, month);
        var buyer = await reader.BuyerAsync(scope.CompanyId);
        if (buyer is null)
        {
            return Problems.NotFound("Företaget");
        }

        Attachment(http, "application/pdf", $"{FileName(header)}.pdf");
        await pdf.WriteAsync(http.Response.Body, header, buyer, reader.LinesAsync(header, scope), http.RequestAborted);
        return TypedResults.Empty;
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> PayrollAsync(
        string month, Guid? departmentId, HttpContext http, InvoicesService invoices, InvoiceReader reader)
    {
        var (scope, problem) = await ScopeAsync(month, departmentId, http, invoices);
        if (scope is null)
        {
            return problem!;
        }

        var header = await invoices.HeaderAsync(scope, month);
        var buyer = await reader.BuyerAsync(scope.CompanyId);
        Attachment(http, "text/csv; charset=utf-8", $"loneavdrag-{month}.csv");
        await InvoiceCsv.WritePayrollAsync(http.Response.Body, reader.PayrollAsync(header, scope), buyer?.PayrollDeduction ?? "", http.RequestAborted);
        return TypedResults.Empty;
    }

    public static async Task<Results<Ok<IReadOnlyList<CompanyInvoiceStatus>>, ProblemHttpResult>> AllCompaniesAsync(string month, InvoiceReader reader) =>
        InvoiceMonth.IsValid(month) ? TypedResults.Ok(await reader.AllCompaniesAsync(month)) : Problems.Invalid("month", InvoicesService.BadMonth);

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> IssuedCsvAsync(string month, HttpContext http, InvoiceReader reader)
    {
        if (!InvoiceMonth.IsValid(month))
        {
            return Problems.Invalid("month", InvoicesService.BadMonth);
        }

        Attachment(http, "text/csv; charset=utf-8", $"fakturor-{month}.csv");
        await InvoiceCsv.WriteIssuedAsync(http.Response.Body, reader.IssuedAsync(month), http.RequestAborted);
        return TypedResults.Empty;
    }

    /// <summary>The admin's lines of a well-formed month, or the problem: 400 for the month, 404 for a department outside the scope.</summary>
    private static async Task<(InvoiceScope? Scope, ProblemHttpResult? Problem)> ScopeAsync(
        string month, Guid? departmentId, HttpContext http, InvoicesService invoices)
    {
        if (!InvoiceMonth.IsValid(month))
        {
            return (null, Problems.Invalid("month", InvoicesService.BadMonth));
        }

        return await invoices.ScopeAsync(AdminScope.Of(http.User), departmentId) is { } scope
            ? (scope, null)
            : (null, Problems.NotFound("Avdelningen"));
    }

    private static string FileName(InvoiceHeader header) => header.Number is { } number ? $"faktura-{number}" : $"preliminar-faktura-{header.Month}";

    private static void Attachment(HttpContext http, string contentType, string fileName)
    {
        http.Response.ContentType = contentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
    }
}
