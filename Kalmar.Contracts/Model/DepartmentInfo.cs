namespace Kalmar.Contracts.Model;

/// <summary>A department of a company; <paramref name="Reference"/> is its cost centre on invoices.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.DepartmentInfo")]
public sealed record DepartmentInfo(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Reference);
