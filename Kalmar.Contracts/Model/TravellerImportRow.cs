namespace Kalmar.Contracts.Model;

/// <summary>
/// One checked row of a traveller import file (e-mail lower-cased, mobile in E.164, the limit in öre).
/// <paramref name="DepartmentText"/> is the file's department name or reference, which the import grain resolves;
/// <paramref name="Line"/> is the row as a spreadsheet shows it (the header is line 1).
/// </summary>
[GenerateSerializer, Immutable, Alias("Kalmar.TravellerImportRow")]
public sealed record TravellerImportRow(
    [property: Id(0)] int Line,
    [property: Id(1)] string FirstName,
    [property: Id(2)] string LastName,
    [property: Id(3)] string Email,
    [property: Id(4)] string Mobile,
    [property: Id(5)] string DepartmentText,
    [property: Id(6)] string? EmployeeNumber,
    [property: Id(7)] long? MonthlyLimitOre);
