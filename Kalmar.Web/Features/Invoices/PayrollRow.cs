namespace Kalmar.Web.Features.Invoices;

/// <summary>What one traveller's pay is reduced by for the month's staff offer.</summary>
public sealed record PayrollRow(string EmployeeNumber, string Name, string Department, long TotalOre);
