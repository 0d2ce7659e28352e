using System.Text;
using Kalmar.Contracts.Notifications;

namespace Kalmar.Grains.Notifications;

/// <summary>
/// Writes one e-mail twice from the same parts, as plain text and as HTML in the portal's frame, so
/// the two never say different things. Every value is HTML-encoded; links must be http(s).
/// </summary>
internal sealed class EmailComposer(string heading)
{
    private const string Sender = "Kalmar länstrafik – Företagsportalen";
    private const string Footer = "Det här meddelandet skickades automatiskt från Företagsportalen och går inte att svara på.";

    private readonly StringBuilder _text = new StringBuilder().Append(heading).Append("\n\n");
    private readonly StringBuilder _html = new();

    public EmailComposer Paragraph(string text)
    {
        _text.Append(text).Append("\n\n");
        _html.Append("<p>").Append(Encode(text)).Append("</p>\n");
        return this;
    }

    /// <summary>A label and its value, such as <c>Totalbelopp: 124,02 kr</c>.</summary>
    public EmailComposer Fact(string label, string value)
    {
        _text.Append(label).Append(": ").Append(value).Append("\n\n");
        _html.Append("<p><strong>").Append(Encode(label)).Append(":</strong> ").Append(Encode(value)).Append("</p>\n");
        return this;
    }

    public EmailComposer List(IEnumerable<string> items)
    {
        _html.Append("<ul>\n");
        foreach (var item in items)
        {
            _text.Append("- ").Append(item).Append('\n');
            _html.Append("<li>").Append(Encode(item)).Append("</li>\n");
        }

        _text.Append('\n');
        _html.Append("</ul>\n");
        return this;
    }

    public EmailComposer Link(string label, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"A link in an e-mail must be an absolute http(s) address, not '{url}'.", nameof(url));
        }

        _text.Append(label).Append(": ").Append(uri.AbsoluteUri).Append("\n\n");
        _html.Append("<p><a href=\"").Append(HtmlText.Encode(uri.AbsoluteUri)).Append("\">").Append(Encode(label)).Append("</a></p>\n");
        return this;
    }

    public OutgoingMessage ToMessage(Guid id, string to, string subject)
    {
        var text = $"{_text}--\n{Sender}\n{Footer}\n";
        var html =
            $"""
            <!DOCTYPE html>
            <html lang="sv">
            <head><meta charset="utf-8"><title>{Encode(subject)}</title></head>
            <body style="margin:0;padding:16px;background:#f4f4f4;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a">
            <div style="max-width:600px;margin:0 auto;background:#ffffff;padding:24px;border-radius:4px">
            <p style="margin:0 0 16px;font-size:14px;color:#555555">{Encode(Sender)}</p>
            <h1 style="font-size:22px;margin:0 0 16px">{Encode(heading)}</h1>
            {_html}<hr style="border:none;border-top:1px solid #dddddd;margin:24px 0 12px">
            <p style="font-size:13px;color:#555555">{Encode(Footer)}</p>
            </div>
            </body>
            </html>

            """;
        return new OutgoingMessage(id, MessageChannel.Email, to.Trim(), subject, text, html);
    }

    private static string Encode(string value) => HtmlText.EncodeLines(value);
}
