using Kalmar.Contracts.Model;
using Kalmar.Web.Pages.Biljetter;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace Kalmar.Web.Pages;

/// <summary>
/// A page with a form the grain may refuse, which redirects after a change it made: the refused form's messages, and
/// the message about the change that the page shows after the redirect.
/// </summary>
public abstract class FormPageModel : PageModel
{
    /// <summary>The refused form's messages, keyed by field id.</summary>
    public FormErrors Errors { get; } = new();

    /// <summary>A refusal that names no field, e.g. a name that is already taken.</summary>
    public string? FormError { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool MessageIsError { get; set; }

    /// <summary>Shows a refusal on the form: each message on its field (<paramref name="fieldId"/> gives the field's id), or above the form.</summary>
    protected void Refuse(Rejection rejection, Func<string, string>? fieldId = null) => FormError = Errors.AddRejection(rejection, fieldId);
}
