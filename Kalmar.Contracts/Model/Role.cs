namespace Kalmar.Contracts.Model;

/// <summary>What a user may do. A user has one or more; the API spells them in kebab case.</summary>
[GenerateSerializer, Alias("Kalmar.Role")]
public enum Role
{
    Traveller,
    DepartmentAdmin,
    CompanyAdmin,

    /// <summary>Kalmar länstrafik's own staff: every company, none of their travellers' pages.</summary>
    Operator,
}
