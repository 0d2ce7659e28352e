using Kalmar.Contracts.Domain;
using Kalmar.Web.Features.Invoices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kalmar.Web.Pages.Operator;

/// <summary>Every customer's invoice of a month with its status and total, and the month's closed invoices as one CSV for KLT's ledger.</summary>
public sealed class FakturorModel(InvoiceReader invoices) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    public string ShownMonth { get; private set; } = "";

    public bool MonthIsInvalid { get; private set; }

    public IReadOnlyList<CompanyInvoiceStatus> Companies { get; private set; } = [];

    public async Task OnGetAsync()
    {
        MonthIsInvalid = !string.IsNullOrEmpty(Month) && !InvoiceMonth.IsValid(Month);
        // The last month is the one to book; this month's running totals are one step forward.
        ShownMonth = InvoiceMonth.IsValid(Month) ? Month! : InvoiceMonth.Previous(invoices.CurrentMonth);
        Companies = await invoices.AllCompaniesAsync(ShownMonth);
    }
}
