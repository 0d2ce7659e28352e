namespace Kalmar.Web.Features.Invoices;

/// <summary>Whose lines an answer holds: the company's, or only those of <see cref="DepartmentIds"/> when set.</summary>
public sealed record InvoiceScope(Guid CompanyId, IReadOnlyCollection<Guid>? DepartmentIds);
