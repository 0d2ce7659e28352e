namespace Kalmar.Contracts.Model;

/// <summary>A user as the user grain holds it, without secrets.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.UserProfile")]
public sealed record UserProfile(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string FirstName,
    [property: Id(2)] string LastName,
    [property: Id(3)] string Email,
    [property: Id(4)] string? Mobile,
    [property: Id(5)] string? Phone,
    [property: Id(6)] string? Personnummer,
    [property: Id(7)] Guid CompanyId,
    [property: Id(8)] Guid DepartmentId,
    [property: Id(9)] IReadOnlyList<Role> Roles,
    [property: Id(10)] IReadOnlyList<Guid> AdministeredDepartmentIds,
    [property: Id(11)] NotificationChoice Notify,
    [property: Id(12)] bool Active)
{
    /// <summary>The employer's number for the employee (anställningsnummer), for invoices and payroll.</summary>
    [Id(13)] public string? EmployeeNumber { get; init; }

    /// <summary>An invited user who has not yet set a password.</summary>
    [Id(14)] public bool Invited { get; init; }

    /// <summary>The address the user asked to change to, until the link sent there is used.</summary>
    [Id(15)] public string? PendingEmail { get; init; }

    public bool IsCompanyAdmin => Roles.Contains(Role.CompanyAdmin);

    public string FullName => $"{FirstName} {LastName}";
}
