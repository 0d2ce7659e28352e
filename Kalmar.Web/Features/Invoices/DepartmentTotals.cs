namespace Kalmar.Web.Features.Invoices;

/// <summary>A department's row on the Fakturor page: the month's sums, and for the open month its forecast.</summary>
public sealed record DepartmentTotals(
    Guid Id, string Name, string Reference, long SubtotalOre, long VatOre, long TotalOre, DepartmentForecast? Forecast);
