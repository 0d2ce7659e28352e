namespace Kalmar.Web.Features.Invoices;

/// <summary>A department's open month: spent so far, forecast to the month's end, its usual month (last 6), and whether it is heading past it.</summary>
public sealed record DepartmentForecast(long SpentOre, long ForecastOre, long? UsualOre, bool AboveUsual);
