using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Kalmar.Tests.Invoices;

/// <summary>
/// Reads a PDF back with PDFsharp: its pages and the text of its WinAnsi string literals, page by page, one line per
/// literal. A form XObject a page draws (<c>/Name Do</c>, e.g. the invoice's page count) is read where it is drawn, on
/// the line of the text before it ("Sida 3 av " and the form's "12" read "Sida 3 av 12").
/// </summary>
public static partial class PdfText
{
    public static (int Pages, string Text) Read(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var text = new StringBuilder();
        foreach (var page in document.Pages)
        {
            var forms = page.Resources.Elements.GetDictionary("/XObject");
            foreach (var content in page.Contents.Elements.OfType<PdfSharp.Pdf.Advanced.PdfReference>().Select(r => r.Value).OfType<PdfDictionary>())
            {
                var parts = DrawForm().Split(Encoding.Latin1.GetString(content.Stream.UnfilteredValue));
                for (var i = 0; i < parts.Length; i++)
                {
                    if (i % 2 == 0)
                    {
                        Literals(parts[i], text);
                        continue;
                    }

                    var form = (PdfDictionary)((PdfSharp.Pdf.Advanced.PdfReference)forms!.Elements["/" + parts[i]]!).Value;
                    text.Length -= text.Length > 0 && text[^1] == '\n' ? 1 : 0;
                    Literals(Encoding.Latin1.GetString(form.Stream.UnfilteredValue), text);
                }
            }
        }

        return (document.PageCount, text.ToString());
    }

    /// <summary>A form XObject's drawing, <c>/Name Do</c>; split by it, the odd parts are the names.</summary>
    [GeneratedRegex(@"/(\w+) Do\b")]
    private static partial Regex DrawForm();

    /// <summary>The <c>(…)</c> strings of a content stream, unescaped, one per line.</summary>
    private static void Literals(string content, StringBuilder text)
    {
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] != '(')
            {
                continue;
            }

            for (i++; i < content.Length && content[i] != ')'; i++)
            {
                if (content[i] != '\\')
                {
                    text.Append(content[i]);
                    continue;
                }

                i++;
                if (char.IsAsciiDigit(content[i]))
                {
                    var digits = 0;
                    var value = 0;
                    for (; digits < 3 && char.IsAsciiDigit(content[i]); digits++, i++)
                    {
                        value = value * 8 + (content[i] - '0');
                    }

                    i--;
                    text.Append(Encoding.Latin1.GetString([(byte)value]));
                    continue;
                }

                text.Append(content[i] switch { 'n' => '\n', 'r' => '\r', 't' => '\t', _ => content[i] });
            }

            text.Append('\n');
        }
    }
}
