using Kalmar.Contracts.Domain;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Customers;
using Kalmar.Web.Features.Travellers;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace Kalmar.Web.Pages.Operator;

/// <summary>Kalmar länstrafik's customers: every company, searched by name or organisation number, and a new customer with its first admin.</summary>
public sealed class KunderModel(CustomersService customers) : FormPageModel, ICompanyFormPage
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(Name = "page", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public Paged<CustomerListItem> Customers { get; private set; } = new([], 1, CustomersService.PageSize, 0);

    [BindProperty]
    public CompanyForm Company { get; set; } = new();

    [BindProperty]
    public FirstAdminForm Admin { get; set; } = new();

    public async Task OnGetAsync() => Customers = await customers.SearchAsync(Q, PageNumber);

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var fields = Company.ToFields(Errors);
        if (!Admin.Check(Errors) || Errors.Count > 0)
        {
            return await PageAsync();
        }

        var created = await customers.RegisterAsync(fields, Admin.ToFields(), User.GetActor());
        switch (created)
        {
            case { Rejection: { } rejection } when rejection.FieldErrors.Keys.Any(key => key.StartsWith("admin.", StringComparison.Ordinal))
                                                   && await CreatedAsync(fields.OrgNumber) is { } company:
                (Message, MessageIsError) = ($"{company.Name} är skapat, men administratören kunde inte bjudas in: {rejection.Message}", true);
                return RedirectToPage("/Operator/Kund", new { id = company.Id });
            case { Rejection: { } rejection }:
                Refuse(rejection, CompanyFieldIds.For);
                return await PageAsync();
            default:
                (Message, MessageIsError) = ($"{created.Value!.Name} är skapat. En inbjudan har skickats till {Admin.Email?.Trim()}.", false);
                return RedirectToPage();
        }
    }

    /// <summary>The company that a refused first admin left behind, found by its organisation number.</summary>
    private async Task<CustomerListItem?> CreatedAsync(string? orgNumber) =>
        OrganisationNumber.TryParse(orgNumber, out var normalised)
            ? (await customers.SearchAsync(normalised, 1)).Items.FirstOrDefault(customer => customer.OrgNumber == normalised)
            : null;

    private async Task<PageResult> PageAsync()
    {
        await OnGetAsync();
        return Page();
    }
}
