using Kalmar.Contracts.Model;

namespace Kalmar.Contracts.Abstractions;

/// <summary>
/// Imports travellers into a company (keyed by company id), one file at a time per company. Rows are matched to
/// travellers by e-mail: a new one is invited, a changed one is updated, the rest is left as it is.
/// </summary>
[Alias("Kalmar.ITravellerImportGrain")]
public interface ITravellerImportGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Checks every row against the company and its travellers and, unless <paramref name="dryRun"/> or any row has an
    /// error, writes every new and changed traveller in one transaction. <paramref name="onlyDepartments"/> (a
    /// department admin's departments; null for a company admin) limits the departments a row may name or move from.
    /// Business-travel grants of rows with a monthly limit follow the commit; importing the file again completes them.
    /// </summary>
    [Alias("Import")]
    [ResponseTimeout("00:02:00")] // thousands of rows or accounts: longer than a web node's usual wait
    Task<TravellerImportResult> ImportAsync(IReadOnlyList<TravellerImportRow> rows, bool dryRun, Actor actor, IReadOnlyList<Guid>? onlyDepartments);
}
