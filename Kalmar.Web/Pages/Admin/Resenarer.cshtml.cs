using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Departments;
using Kalmar.Web.Features.Travellers;
using Kalmar.Web.Pages.Biljetter;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace Kalmar.Web.Pages.Admin;

/// <summary>
/// The admin's travellers: a search (GET, so a result can be bookmarked and paged with its filters) and a form to add
/// one. Each traveller's own page holds the changes, business travel among them.
/// </summary>
public sealed class ResenarerModel(TravellersService travellers, DepartmentsService departments) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "avdelning")]
    public Guid? Department { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "tjansteresor")]
    public bool OnlyBusinessTravel { get; set; }

    [BindProperty(SupportsGet = true, Name = "sortera")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "sida")]
    public int PageNumber { get; set; } = 1;

    // The "Lägg till resenär" form: its field names are the service's, so an error points at its input.
    [BindProperty]
    public string? FirstName { get; set; }

    [BindProperty]
    public string? LastName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Mobile { get; set; }

    [BindProperty]
    public Guid? DepartmentId { get; set; }

    [BindProperty]
    public string? EmployeeNumber { get; set; }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool MessageIsError { get; set; }

    public Paged<TravellerListItem> Travellers { get; private set; } = new([], 1, TravellerQuery.DefaultPageSize, 0);

    public IReadOnlyList<DepartmentListItem> Departments { get; private set; } = [];

    public FormErrors AddErrors { get; } = new();

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Q) || Department is not null || !string.IsNullOrEmpty(Status) || OnlyBusinessTravel;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        var added = await travellers.AddAsync(AdminScope.Of(User), new TravellerFields(
            FirstName, LastName, Email, Mobile, DepartmentId ?? Guid.Empty, EmployeeNumber));
        if (added.Rejection is { } rejection)
        {
            AddErrors.AddAll(rejection);

            await LoadAsync();
            return Page();
        }

        (Message, MessageIsError) = ($"{added.Value!.Name} är tillagd. En inbjudan med en länk för att välja lösenord har skickats till {added.Value.Email}.", false);
        return RedirectToPage("/Admin/Resenar", new { id = added.Value.Id });
    }

    /// <summary>A link to another page of the same search.</summary>
    public string? PageLink(int page) => Url.Page("/Admin/Resenarer", pageHandler: null, values: new
    {
        q = string.IsNullOrWhiteSpace(Q) ? null : Q,
        avdelning = Department,
        status = string.IsNullOrEmpty(Status) ? null : Status,
        tjansteresor = OnlyBusinessTravel ? "true" : null,
        sortera = string.IsNullOrEmpty(Sort) || Sort == "name" ? null : Sort,
        sida = page == 1 ? (int?)null : page,
    }, protocol: null, host: null, fragment: "resultat");

    private async Task LoadAsync()
    {
        var scope = AdminScope.Of(User);
        Departments = await departments.ListAsync(scope);
        var query = new TravellerQuery(Q, Department, Status, OnlyBusinessTravel ? true : null, Sort, Math.Max(PageNumber, 1));
        Travellers = await travellers.SearchAsync(scope, query);
        if (Travellers.Page > Travellers.Pages)
        {
            Travellers = await travellers.SearchAsync(scope, query with { Page = Travellers.Pages });
        }

        PageNumber = Travellers.Page;
    }
}
