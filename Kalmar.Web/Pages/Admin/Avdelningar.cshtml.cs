using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Departments;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace Kalmar.Web.Pages.Admin;

/// <summary>
/// The company admin's departments: each with its invoice reference and cost centre, created, changed and deleted here.
/// A refused row's messages are keyed <c>name-{id}</c>, the new department's <c>name</c>.
/// </summary>
public sealed class AvdelningarModel(DepartmentsService departments) : FormPageModel
{
    public IReadOnlyList<DepartmentListItem> Departments { get; private set; } = [];

    [BindProperty]
    public DepartmentForm New { get; set; } = new();

    /// <summary>The row whose edit form was sent and refused: it opens again with the typed values and the messages.</summary>
    public Guid? EditingId { get; private set; }

    public DepartmentForm Editing { get; private set; } = new();

    public async Task OnGetAsync() => Departments = await departments.ListAsync(AdminScope.Of(User));

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var created = await departments.CreateAsync(AdminScope.Of(User), New.ToFields());
        if (created.Rejection is { } rejection)
        {
            Refuse(rejection);
            return await PageAsync();
        }

        (Message, MessageIsError) = ($"Avdelningen {created.Value!.Name} är skapad.", false);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUpdateAsync(Guid id, DepartmentForm edit)
    {
        var updated = await departments.UpdateAsync(AdminScope.Of(User), id, edit.ToFields());
        if (updated.Rejection is { Code: RejectionCodes.NotFound } missing)
        {
            (Message, MessageIsError) = (missing.Message, true);
            return RedirectToPage();
        }

        if (updated.Rejection is { } rejection)
        {
            (EditingId, Editing) = (id, edit);
            Refuse(rejection, field => $"{field}-{id}");
            return await PageAsync();
        }

        (Message, MessageIsError) = ($"Avdelningen {updated.Value!.Name} är sparad.", false);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        var deleted = await departments.DeleteAsync(AdminScope.Of(User), id);
        (Message, MessageIsError) = deleted.Rejection is { } rejection
            ? (rejection.Message, true)
            : ($"Avdelningen {deleted.Value!.Name} är borttagen.", false);
        return RedirectToPage();
    }

    private async Task<PageResult> PageAsync()
    {
        await OnGetAsync();
        return Page();
    }

    /// <summary>The three fields as typed (the grain validates them).</summary>
    public sealed class DepartmentForm
    {
        public string? Name { get; set; }

        public string? Reference { get; set; }

        public string? CostCentre { get; set; }

        public DepartmentFields ToFields() => new(Name ?? "", Reference ?? "", CostCentre ?? "");
    }
}
