namespace Kalmar.Contracts.Model;

/// <summary>
/// A department of a company. <paramref name="Reference"/> is its invoice reference (fakturareferens) and
/// <see cref="CostCentre"/> its cost centre (kostnadsställe); each is unique in the company.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kalmar.DepartmentInfo")]
public sealed record DepartmentInfo(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Reference)
{
    [Id(3)] public string CostCentre { get; init; } = "";
}
