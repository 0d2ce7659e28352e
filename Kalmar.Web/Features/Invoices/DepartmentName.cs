namespace Kalmar.Web.Features.Invoices;

/// <summary>A department as the Fakturor page lists it.</summary>
public sealed record DepartmentName(Guid Id, string Name, string Reference);
