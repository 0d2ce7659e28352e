using Kalmar.Contracts.Domain;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Invoices;
using Kalmar.Web.Features.Receipts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kalmar.Web.Pages.Biljetter;

/// <summary>Mina köp: a month of the traveller's business trips and approved staff-offer lines, each with its receipt.</summary>
public sealed class MinaKopModel(ReceiptReader receipts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    public PurchaseMonth Purchases { get; private set; } = null!;

    /// <summary>Set when the month asked for was malformed; this month is shown instead.</summary>
    public string? MonthError { get; private set; }

    public async Task OnGetAsync()
    {
        if (Month is not null && !InvoiceMonth.IsValid(Month))
        {
            MonthError = InvoicesService.BadMonth;
            Month = null;
        }

        Purchases = await receipts.MonthAsync(User.GetUserId(), Month ?? receipts.CurrentMonth);
    }
}
