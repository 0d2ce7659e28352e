using Kalmar.Contracts.Domain;
using Kalmar.Web.Auth;

namespace Kalmar.Web.Features.Invoices;

/// <summary>What an admin may read of the invoices: the company's, or a department admin's departments only.</summary>
public sealed class InvoicesService(InvoiceReader reader)
{
    public const string BadMonth = "Ange månaden som ÅÅÅÅ-MM, till exempel 2026-03.";

    /// <summary>
    /// The lines <paramref name="admin"/> may see, narrowed to <paramref name="departmentId"/> when given; null (404) for a
    /// department outside the admin's scope or company.
    /// </summary>
    public async Task<InvoiceScope?> ScopeAsync(AdminScope admin, Guid? departmentId)
    {
        if (departmentId is { } id)
        {
            return admin.IncludesDepartment(id) && await reader.DepartmentExistsAsync(admin.CompanyId, id)
                ? new InvoiceScope(admin.CompanyId, [id])
                : null;
        }

        return new InvoiceScope(admin.CompanyId, admin.WholeCompany ? null : [.. admin.DepartmentIds]);
    }

    public async Task<InvoiceView> GetAsync(InvoiceScope scope, string month)
    {
        var header = await reader.HeaderAsync(scope.CompanyId, month);
        var departments = await reader.DepartmentsAsync(header, scope);
        var total = Vat.Sum(departments.Select(department => new PriceBreakdown(department.SubtotalOre, department.VatOre, department.TotalOre)));
        // A past month with nothing bought is over, with nothing to invoice (a month before the company existed, too).
        var status = header.Closed || (string.CompareOrdinal(month, reader.CurrentMonth) < 0 && departments.Count == 0) ? "closed" : "open";
        return new InvoiceView(
            month, status, header.Number, header.IssuedAt, header.DueDate, header.Ocr, departments, reader.LinesAsync(header, scope),
            total.ExclVatOre, total.VatOre, total.TotalOre);
    }

    public Task<InvoiceHeader> HeaderAsync(InvoiceScope scope, string month) => reader.HeaderAsync(scope.CompanyId, month);
}
