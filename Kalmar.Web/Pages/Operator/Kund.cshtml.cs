using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Customers;
using Microsoft.AspNetCore.Mvc;

namespace Kalmar.Web.Pages.Operator;

/// <summary>One customer company's fields and terms, as the operator changes them.</summary>
public sealed class KundModel(CustomersService customers) : FormPageModel, ICompanyFormPage
{
    public CompanyInfo Customer { get; private set; } = null!;

    [BindProperty]
    public CompanyForm Company { get; set; } = new();

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

        var updated = await customers.UpdateAsync(id, fields, User.GetActor());
        if (updated.Rejection is { } rejection)
        {
            Refuse(rejection, CompanyFieldIds.For);
            return Page();
        }

        (Message, MessageIsError) = ($"Uppgifterna för {updated.Value!.Name} är sparade.", false);
        return RedirectToPage(new { id });
    }
}
