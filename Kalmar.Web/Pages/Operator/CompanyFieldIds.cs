using Kalmar.Contracts.Model;
using Kalmar.Web.Pages.Biljetter;

namespace Kalmar.Web.Pages.Operator;

/// <summary>The grain names a field <c>invoiceAddress.street</c>; the form's element for it has the id <c>invoiceAddress-street</c>.</summary>
public static class CompanyFieldIds
{
    public static string For(string field) => field.Replace('.', '-');

    /// <summary>The rejection's messages on their fields; one that names no field is returned for the summary.</summary>
    public static string? AddTo(FormErrors errors, Rejection rejection)
    {
        foreach (var (field, messages) in rejection.FieldErrors)
        {
            errors.Add(For(field), messages[0]);
        }

        return rejection.FieldErrors.Count == 0 ? rejection.Message : null;
    }
}
