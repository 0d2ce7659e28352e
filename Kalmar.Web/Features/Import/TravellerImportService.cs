using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;

namespace Kalmar.Web.Features.Import;

/// <summary>
/// Imports a traveller file for the API and the page: the reader checks each row's form, the company's import grain
/// everything else (departments, e-mail addresses in use, the company's limit, a department admin's scope), and
/// writes the file only when no row of it has an error.
/// </summary>
public sealed class TravellerImportService(IClusterClient cluster)
{
    public const long MaxFileBytes = 5 * 1024 * 1024;

    public const string TooManyRowsCode = "too-many-rows";

    /// <summary>
    /// The file's result, the errors of the reader and of the grain together (a file with either is only checked),
    /// or <see cref="TooManyRowsCode"/> when it has more than <see cref="TravellerCsvReader.MaxRows"/> rows.
    /// </summary>
    public async Task<Outcome<TravellerImportResult>> ImportAsync(AdminScope scope, Stream file, bool dryRun)
    {
        var read = TravellerCsvReader.Read(file);
        if (read.TooManyRows)
        {
            return Rejection.Of(TooManyRowsCode, read.Errors[0].Message);
        }

        var rows = read.Rows.Select(row => new TravellerImportRow(
            row.Line, row.FirstName, row.LastName, row.Email, row.Mobile, row.Department, row.EmployeeNumber, row.MonthlyLimitOre)).ToList();
        var result = await cluster.GetGrain<ITravellerImportGrain>(scope.CompanyId).ImportAsync(
            rows, dryRun || read.Errors.Count > 0, scope.Actor, scope.WholeCompany ? null : [.. scope.DepartmentIds]);
        if (read.Errors.Count == 0)
        {
            return Outcome<TravellerImportResult>.Success(result);
        }

        return Outcome<TravellerImportResult>.Success(result with
        {
            Errors = [.. read.Errors.Select(error => new TravellerImportError(error.Line, error.Column, error.Message))
                .Concat(result.Errors).OrderBy(error => error.Line)],
        });
    }
}
