namespace Kalmar.Web.Features.Invoices;

/// <summary>What a department was invoiced (or, for the open month, has so far) in a month, VAT included.</summary>
public sealed record DepartmentMonthSpend(string Month, Guid DepartmentId, long TotalOre);
