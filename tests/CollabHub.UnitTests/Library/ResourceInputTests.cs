using System.IO.Compression;
using System.Text;
using CollabHub.Web.Features.Library;

namespace CollabHub.UnitTests.Library;

/// <summary>Checking what members send: files by content, form fields, search text.</summary>
public sealed class ResourceInputTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    [Fact]
    public void Detect_ExecutableNamedPdf_IsRefused()
    {
        using var exe = new MemoryStream([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);

        var refused = Assert.Throws<LibraryRuleException>(() => FileSniffer.Detect(exe, "report.pdf"));

        Assert.Contains("not a valid PDF", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_TextNamedPdf_IsRefused()
    {
        using var text = new MemoryStream("#!/bin/sh\necho hi\n"u8.ToArray());

        Assert.Throws<LibraryRuleException>(() => FileSniffer.Detect(text, "report.pdf"));
    }

    [Fact]
    public void Detect_UnknownExtension_IsRefused()
    {
        using var content = new MemoryStream("%PDF-1.7"u8.ToArray());

        Assert.Throws<LibraryRuleException>(() => FileSniffer.Detect(content, "setup.exe"));
    }

    [Theory]
    [InlineData("a.pdf", "%PDF-1.7\n", FileKind.Pdf)]
    [InlineData("a.csv", "name,goal\nA,5\n", FileKind.Csv)]
    [InlineData("a.txt", "Plain words, accents é and 中文.\n", FileKind.Text)]
    public void Detect_ByContent_RecognisesTheKind(string name, string content, FileKind expected)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));

        Assert.Equal(expected, FileSniffer.Detect(stream, name).Kind);
    }

    [Fact]
    public void Detect_WordPackage_IsWord_AndAZipNamedDocxIsRefused()
    {
        using var word = Zip("[Content_Types].xml", "<Types><Override ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
        using var plainZip = Zip("readme.txt", "hello");

        Assert.Equal(FileKind.Word, FileSniffer.Detect(word, "brief.docx").Kind);
        Assert.Throws<LibraryRuleException>(() => FileSniffer.Detect(plainZip, "brief.docx"));
    }

    [Fact]
    public void Validate_EmptyTitleBadUrlFutureDate_NamesEachField()
    {
        var form = new ResourceForm { Title = " ", Summary = "S", Type = "Report", LinkUrl = "ftp://x", PublishedOn = "2026-03-03" };

        var details = ResourceDetailsValidator.Validate(form, Today, hasFiles: false, out var errors);

        Assert.Null(details);
        Assert.Equal(["LinkUrl", "PublishedOn", "Title"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_NeitherLinkNorFile_IsRefused()
    {
        var form = new ResourceForm { Title = "T", Summary = "S", Type = "Report" };

        ResourceDetailsValidator.Validate(form, Today, hasFiles: false, out var errors);

        Assert.Equal("Give a link, upload a file, or both.", errors["LinkUrl"]);
    }

    [Fact]
    public void Validate_GoodForm_NormalisesTopicsAndSetsTheLanguage()
    {
        var form = new ResourceForm { Title = " T ", Summary = "S", Type = "GuidanceNote", Topics = "Human Rights, #Nudges", Languages = ["fr"], Sdgs = [16, 5] };

        var details = ResourceDetailsValidator.Validate(form, Today, hasFiles: true, out _);

        Assert.NotNull(details);
        Assert.Equal("T", details.Title);
        Assert.Equal(["human rights", "nudges"], details.Topics);
        Assert.Equal([5, 16], details.Sdgs);
        Assert.Equal("french", LibraryLanguages.SearchConfigOf(details.Languages));
    }

    [Fact]
    public void CleanQuery_ControlCharactersLoneSurrogatesAndLength_AreMadeSafe()
    {
        Assert.Equal("a b", LibrarySearchIndex.CleanQuery("a\0b"));
        Assert.Equal("x", LibrarySearchIndex.CleanQuery("x\ud800"));
        Assert.Equal("🙂", LibrarySearchIndex.CleanQuery("🙂"));
        Assert.Equal(LibrarySearchIndex.MaxQueryLength, LibrarySearchIndex.CleanQuery(new string('q', 999)).Length);
    }

    private static MemoryStream Zip(string entryName, string content)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entryName).Open());
            writer.Write(content);
        }

        stream.Position = 0;
        return stream;
    }
}
