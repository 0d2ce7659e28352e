namespace Kalmar.Web.Features.Import;

/// <summary>
/// What <see cref="TravellerCsvReader"/> made of a file: the rows that passed every check and all the errors found.
/// A row with an error is not among <see cref="Rows"/>. <see cref="TooManyRows"/> is told apart because the API answers
/// it with 413 rather than with the list of errors.
/// </summary>
public sealed record ImportFile(IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportError> Errors, bool TooManyRows);
