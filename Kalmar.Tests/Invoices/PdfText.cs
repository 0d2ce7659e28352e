using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Kalmar.Tests.Invoices;

/// <summary>Reads a PDF back with PDFsharp: its pages and the text of its WinAnsi string literals, page by page.</summary>
public static class PdfText
{
    public static (int Pages, string Text) Read(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var text = new StringBuilder();
        foreach (var page in document.Pages)
        {
            foreach (var content in page.Contents.Elements.OfType<PdfSharp.Pdf.Advanced.PdfReference>().Select(r => r.Value).OfType<PdfDictionary>())
            {
                Literals(Encoding.Latin1.GetString(content.Stream.UnfilteredValue), text);
            }
        }

        return (document.PageCount, text.ToString());
    }

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
