namespace Kalmar.Web.Features.Import;

/// <summary>
/// One traveller of an import file that passed every check, in the forms the portal stores: e-mail lower-cased,
/// mobile in E.164, the monthly limit in öre. <see cref="Department"/> is the file's text (a name or a reference),
/// left for the import to resolve. <see cref="Line"/> is the row as a spreadsheet shows it (the header is line 1).
/// </summary>
public sealed record ImportRow(
    int Line,
    string FirstName,
    string LastName,
    string Email,
    string Mobile,
    string Department,
    string? EmployeeNumber,
    long? MonthlyLimitOre);
