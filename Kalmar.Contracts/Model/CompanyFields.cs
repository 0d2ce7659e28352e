namespace Kalmar.Contracts.Model;

/// <summary>
/// A company as the operator creates or edits it, as typed (the company grain validates it); a null field is left
/// as it is when editing and is missing when creating.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kalmar.CompanyFields")]
public sealed record CompanyFields(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? OrgNumber,
    [property: Id(2)] string? InvoiceEmail,
    [property: Id(3)] PostalAddress? InvoiceAddress,
    [property: Id(4)] bool? StaffOfferAvailable,
    [property: Id(5)] long? MaxMonthlyLimitOre,
    [property: Id(6)] string? PayrollDeduction = null);
