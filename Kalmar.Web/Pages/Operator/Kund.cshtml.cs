using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Customers;
using Kalmar.Web.Pages.Biljetter;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kalmar.Web.Pages.Operator;

/// <summary>One customer company's fields and terms, as the operator changes them.</summary>
public sealed class KundModel(CustomersService customers) : PageModel, ICompanyFormPage
{
    public CompanyInfo Customer { get; private set; } = null!;

    [BindProperty]
    public CompanyForm Company { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public string? FormError { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool MessageIsError { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await customers.GetAsync(id) is not { } customer)
        {
            return NotFound();
        }

        (Customer, Company) = (customer, CompanyForm.From(customer));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await customers.GetAsync(id) is not { } customer)
        {
            return NotFound();
        }

        Customer = customer;
        var fields = Company.ToFields(Errors);
        if (Errors.Count > 0)
        {
            return Page();
        }

        var updated = await customers.UpdateAsync(id, fields, new Actor(User.GetUserId(), User.Identity?.Name ?? ""));
        if (updated.Rejection is { } rejection)
        {
            FormError = CompanyFieldIds.AddTo(Errors, rejection);
            return Page();
        }

        (Message, MessageIsError) = ($"Uppgifterna för {updated.Value!.Name} är sparade.", false);
        return RedirectToPage(new { id });
    }
}
