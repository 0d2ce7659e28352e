using Kalmar.Contracts.Model;

namespace Kalmar.Web.Features.Invoices;

/// <summary>The invoiced company as the PDF and the payroll export name it.</summary>
public sealed record InvoiceBuyer(string Name, string? OrgNumber, PostalAddress Address, string PayrollDeduction);
