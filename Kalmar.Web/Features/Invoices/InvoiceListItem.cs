namespace Kalmar.Web.Features.Invoices;

/// <summary>A month in the list of invoices: <c>open</c> (preliminär, live) or <c>closed</c> with its number.</summary>
public sealed record InvoiceListItem(string Month, string Status, string? Number, long TotalOre);
