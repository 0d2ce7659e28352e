using Kalmar.Contracts.Model;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Kalmar.Web.Pages.Biljetter;

/// <summary>
/// A form's messages per field (keyed by the field's id), and the attributes that tie a field to
/// its message so that screen readers read them together.
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, string> _messages = [];

    public int Count => _messages.Count;

    public IEnumerable<KeyValuePair<string, string>> All => _messages;

    /// <summary>Keeps the first message of a field: it names the first thing to fix.</summary>
    public void Add(string field, string message) => _messages.TryAdd(field, message);

    /// <summary>
    /// A refusal's first message per field, under that field's id in this form (<paramref name="fieldId"/> maps the
    /// grain's field name to it; the same name by default). Returns the refusal's own message when it names no field.
    /// </summary>
    public string? AddRejection(Rejection rejection, Func<string, string>? fieldId = null)
    {
        foreach (var (field, messages) in rejection.FieldErrors)
        {
            Add(fieldId is null ? field : fieldId(field), messages[0]);
        }

        return rejection.FieldErrors.Count == 0 ? rejection.Message : null;
    }

    /// <summary>All a refusal's messages: each field's on its field, or, when it names no field, its own under the empty key.</summary>
    public void AddAll(Rejection rejection)
    {
        if (AddRejection(rejection) is { } message)
        {
            Add("", message);
        }
    }

    public bool Has(string field) => _messages.ContainsKey(field);

    public string? Invalid(string field) => Has(field) ? "true" : null;

    /// <summary>The ids that describe a field: its hint, if any, and its message, if any.</summary>
    public string? DescribedBy(string field, string? hintId = null) =>
        string.Join(' ', new[] { hintId, Has(field) ? ErrorId(field) : null }.OfType<string>()) is { Length: > 0 } ids ? ids : null;

    public IHtmlContent Message(string field)
    {
        if (!_messages.TryGetValue(field, out var message))
        {
            return HtmlString.Empty;
        }

        var paragraph = new TagBuilder("p");
        paragraph.Attributes["id"] = ErrorId(field);
        paragraph.AddCssClass("field-error");
        paragraph.InnerHtml.Append(message);
        return paragraph;
    }

    private static string ErrorId(string field) => $"{field}-fel";
}
