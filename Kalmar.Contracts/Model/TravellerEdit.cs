namespace Kalmar.Contracts.Model;

/// <summary>
/// An admin's change to a traveller: a null field stays as it is; an empty employee number removes it; another
/// <paramref name="DepartmentId"/> moves the traveller, pending orders with them.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kalmar.TravellerEdit")]
public sealed record TravellerEdit(
    [property: Id(0)] string? FirstName,
    [property: Id(1)] string? LastName,
    [property: Id(2)] string? Mobile,
    [property: Id(3)] Guid? DepartmentId,
    [property: Id(4)] string? EmployeeNumber);
