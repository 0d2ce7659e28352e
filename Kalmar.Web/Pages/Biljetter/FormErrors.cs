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
