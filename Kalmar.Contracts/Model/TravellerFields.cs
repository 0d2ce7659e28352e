namespace Kalmar.Contracts.Model;

/// <summary>A traveller as an admin adds one, by hand or from a file row, as typed (the grain validates and normalises it).</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.TravellerFields")]
public sealed record TravellerFields(
    [property: Id(0)] string? FirstName,
    [property: Id(1)] string? LastName,
    [property: Id(2)] string? Email,
    [property: Id(3)] string? Mobile,
    [property: Id(4)] Guid DepartmentId,
    [property: Id(5)] string? EmployeeNumber);
