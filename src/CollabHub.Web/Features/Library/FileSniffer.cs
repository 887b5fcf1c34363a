using System.IO.Compression;
using System.Text;

namespace CollabHub.Web.Features.Library;

/// <summary>
/// Recognises an upload by its content, never by its name: magic bytes for PDF and images, the package's declared
/// main part for Word, PowerPoint and Excel (a zip with the right <c>[Content_Types].xml</c>; macro-enabled ones are
/// refused), strict UTF-8 without control bytes for text and CSV. The name's extension must then agree with what was
/// found, so an executable renamed <c>report.pdf</c> is refused, and so is a text file posing as one.
/// </summary>
public static class FileSniffer
{
    public sealed record Sniffed(FileKind Kind, string ContentType);

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];

    private static readonly Dictionary<string, FileKind[]> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = [FileKind.Pdf],
        [".docx"] = [FileKind.Word],
        [".pptx"] = [FileKind.PowerPoint],
        [".xlsx"] = [FileKind.Excel],
        [".csv"] = [FileKind.Csv, FileKind.Text],
        [".txt"] = [FileKind.Text],
        [".md"] = [FileKind.Text],
        [".png"] = [FileKind.Png],
        [".jpg"] = [FileKind.Jpeg],
        [".jpeg"] = [FileKind.Jpeg],
        [".webp"] = [FileKind.Webp],
    };

    /// <summary>The accepted extensions, for the form's <c>accept</c> attribute and its hint.</summary>
    public static string AcceptList => string.Join(",", Extensions.Keys);

    public static string ContentTypeOf(FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Word => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileKind.PowerPoint => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        FileKind.Excel => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileKind.Csv => "text/csv; charset=utf-8",
        FileKind.Text => "text/plain; charset=utf-8",
        FileKind.Png => "image/png",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Webp => "image/webp",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>What the file is, or a reason to refuse it. <paramref name="content"/> must be seekable.</summary>
    public static Sniffed Detect(Stream content, string fileName)
    {
        var extension = Path.GetExtension(fileName);
        if (!Extensions.TryGetValue(extension, out var allowed))
        {
            throw new LibraryRuleException($"“{fileName}” is not a type the library accepts (PDF, Word, PowerPoint, Excel, CSV, plain text, PNG, JPEG or WebP).");
        }

        var kind = Recognise(content, extension);
        if (kind is not { } found || !allowed.Contains(found))
        {
            throw new LibraryRuleException($"“{fileName}” does not contain what its name says: the content is not a valid {extension.TrimStart('.').ToUpperInvariant()} file.");
        }

        return new Sniffed(found, ContentTypeOf(found));
    }

    private static FileKind? Recognise(Stream content, string extension)
    {
        content.Position = 0;
        Span<byte> head = stackalloc byte[16];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        content.Position = 0;

        if (head.StartsWith("%PDF-"u8))
        {
            return FileKind.Pdf;
        }

        if (head.StartsWith(PngSignature))
        {
            return FileKind.Png;
        }

        if (head.StartsWith(JpegSignature))
        {
            return FileKind.Jpeg;
        }

        if (read >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return FileKind.Webp;
        }

        if (head.StartsWith("PK\x03\x04"u8))
        {
            return OfficeKind(content);
        }

        return IsPlainText(content) ? (extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) ? FileKind.Csv : FileKind.Text) : null;
    }

    private static FileKind? OfficeKind(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || types.Length > 1_000_000)
            {
                return null;
            }

            using var reader = new StreamReader(types.Open(), Encoding.UTF8);
            var xml = reader.ReadToEnd();
            return xml.Contains("wordprocessingml.document.main+xml", StringComparison.Ordinal) ? FileKind.Word
                : xml.Contains("presentationml.presentation.main+xml", StringComparison.Ordinal) ? FileKind.PowerPoint
                : xml.Contains("spreadsheetml.sheet.main+xml", StringComparison.Ordinal) ? FileKind.Excel
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>Strict UTF-8 (a BOM allowed) with no control characters but tab and line breaks.</summary>
    private static bool IsPlainText(Stream content)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            using var reader = new StreamReader(content, decoder, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
            var buffer = new char[8192];
            int count;
            while ((count = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                foreach (var c in buffer.AsSpan(0, count))
                {
                    if (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'))
                    {
                        return false;
                    }
                }
            }

            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            content.Position = 0;
        }
    }
}
