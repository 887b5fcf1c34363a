using System.Text;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;
using Drawing = DocumentFormat.OpenXml.Drawing;
using Wordprocessing = DocumentFormat.OpenXml.Wordprocessing;

namespace CollabHub.Web.Features.Library;

/// <summary>Reads the words out of a stored file for search, stopping at a given number of characters.</summary>
public static class TextExtractor
{
    public static string Extract(string path, FileKind kind, int maxLength)
    {
        var text = new BoundedText(maxLength);
        switch (kind)
        {
            case FileKind.Pdf:
                using (var pdf = PdfDocument.Open(path))
                {
                    foreach (var page in pdf.GetPages())
                    {
                        if (!text.AddRange(page.GetWords().Select(w => w.Text)))
                        {
                            break;
                        }
                    }
                }

                break;
            case FileKind.Word:
                using (var word = WordprocessingDocument.Open(path, false))
                {
                    text.AddRange(word.MainDocumentPart?.Document?.Body?.Descendants<Wordprocessing.Paragraph>().Select(p => p.InnerText) ?? []);
                }

                break;
            case FileKind.PowerPoint:
                using (var slides = PresentationDocument.Open(path, false))
                {
                    foreach (var slide in slides.PresentationPart?.SlideParts ?? [])
                    {
                        if (!text.AddRange(slide.Slide?.Descendants<Drawing.Text>().Select(t => t.Text) ?? []))
                        {
                            break;
                        }
                    }
                }

                break;
            case FileKind.Excel:
                using (var sheet = SpreadsheetDocument.Open(path, false))
                {
                    text.AddRange(sheet.WorkbookPart?.SharedStringTablePart?.SharedStringTable?.Elements().Select(e => e.InnerText) ?? []);
                }

                break;
            case FileKind.Csv:
            case FileKind.Text:
                using (var reader = new StreamReader(path, Encoding.UTF8))
                {
                    var buffer = new char[Math.Min(maxLength, 1 << 20)];
                    text.Add(new string(buffer, 0, reader.ReadBlock(buffer, 0, buffer.Length)));
                }

                break;
            case FileKind.Png:
            case FileKind.Jpeg:
            case FileKind.Webp:
                break;
        }

        return text.ToString();
    }

    /// <summary>Joins pieces with spaces, up to a length; says when it is full.</summary>
    private sealed class BoundedText(int maxLength)
    {
        private readonly StringBuilder builder = new();

        public bool Add(string piece)
        {
            if (builder.Length >= maxLength)
            {
                return false;
            }

            var trimmed = piece.Replace('\0', ' ').Trim();
            if (trimmed.Length == 0)
            {
                return true;
            }

            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(trimmed.AsSpan(0, Math.Min(trimmed.Length, maxLength - builder.Length)));
            return builder.Length < maxLength;
        }

        public bool AddRange(IEnumerable<string> pieces) => pieces.All(Add);

        public override string ToString() => builder.ToString();
    }
}
