namespace Kalmar.Contracts.Model;

/// <summary>A department as a company admin creates or edits it; a null field is left as it is when editing.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.DepartmentFields")]
public sealed record DepartmentFields(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Reference,
    [property: Id(2)] string? CostCentre);
