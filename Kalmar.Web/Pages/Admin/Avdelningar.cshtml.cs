using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Departments;
using Kalmar.Web.Pages.Biljetter;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kalmar.Web.Pages.Admin;

/// <summary>The company admin's departments: each with its invoice reference and cost centre, created, changed and deleted here.</summary>
public sealed class AvdelningarModel(DepartmentsService departments) : PageModel
{
    public IReadOnlyList<DepartmentListItem> Departments { get; private set; } = [];

    [BindProperty]
    public DepartmentForm New { get; set; } = new();

    /// <summary>The row whose edit form was sent and refused: it opens again with the typed values and the messages.</summary>
    public Guid? EditingId { get; private set; }

    public DepartmentForm Editing { get; private set; } = new();

    /// <summary>Messages keyed by field id: <c>name</c> for the new department's form, <c>name-{id}</c> for a row's.</summary>
    public FormErrors Errors { get; } = new();

    /// <summary>A refusal that belongs to no one field, e.g. a name already taken.</summary>
    public string? FormError { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool MessageIsError { get; set; }

    public async Task OnGetAsync() => Departments = await departments.ListAsync(AdminScope.Of(User));

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var created = await departments.CreateAsync(AdminScope.Of(User), New.ToFields());
        if (created.Rejection is { } rejection)
        {
            Refuse(rejection, suffix: "");
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
            Refuse(rejection, suffix: $"-{id}");
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

    private void Refuse(Rejection rejection, string suffix)
    {
        foreach (var (field, messages) in rejection.FieldErrors)
        {
            Errors.Add(field + suffix, messages[0]);
        }

        if (rejection.FieldErrors.Count == 0)
        {
            FormError = rejection.Message;
        }
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
