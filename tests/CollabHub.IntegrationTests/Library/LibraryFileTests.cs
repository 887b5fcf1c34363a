using System.Net;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Library;
using Microsoft.EntityFrameworkCore;

namespace CollabHub.IntegrationTests.Library;

/// <summary>Uploads checked by content, stored once, extracted for search and downloaded safely.</summary>
public sealed class LibraryFileTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LibraryTestData Data => fixture.Data;

    [Fact]
    public async Task Upload_ExecutableRenamedToPdf_IsRefusedAndLeavesNoFile()
    {
        var member = await Data.MemberAsync();
        var before = StoredFiles();

        var result = await Data.Service.SubmitAsync(
            LibraryTestData.Principal(member), LibraryTestData.Form("Disguised", link: null), [LibraryTestData.File("report.pdf", LibraryTestData.Executable())], Ct);

        Assert.False(result.Succeeded);
        Assert.Equal("“report.pdf” does not contain what its name says: the content is not a valid PDF file.", result.Errors[ResourceForm.FilesField]);
        Assert.Equal(0, await Data.QueryAsync(db => db.LibraryResources.CountAsync(r => r.SubmitterId == member.Id, Ct)));
        Assert.Equal(before, StoredFiles());
    }

    [Fact]
    public async Task Upload_TooLarge_IsRefusedWithTheLimitAndLeavesNoFile()
    {
        var member = await Data.MemberAsync();
        var before = StoredFiles();
        var big = new byte[LibraryFixture.MaxFileSizeBytes + 1];
        Array.Fill(big, (byte)'a');

        var result = await Data.Service.SubmitAsync(
            LibraryTestData.Principal(member), LibraryTestData.Form("Too big", link: null), [LibraryTestData.File("notes.txt", big)], Ct);

        Assert.False(result.Succeeded);
        Assert.Equal("“notes.txt” is larger than the 1 MB limit.", result.Errors[ResourceForm.FilesField]);
        Assert.Equal(before, StoredFiles());
    }

    [Fact]
    public async Task Upload_PdfText_BecomesSearchableAfterExtraction()
    {
        var member = await Data.MemberAsync();
        var moderator = await Data.ModeratorAsync();
        var word = LibraryTestData.Word();
        var resource = await Data.ApprovedAsync(member, moderator, LibraryTestData.Form("A plain title", link: null),
            LibraryTestData.File("findings.pdf", LibraryTestData.Pdf($"The trial found that {word} reminders doubled attendance.")));

        await Eventually.WaitAsync(
            async () => (await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Q = word }, Ct)).Total == 1,
            "the PDF's words to be found by search");
        var results = await Data.Search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Q = word }, Ct);

        Assert.Equal(resource.Slug, Assert.Single(results.Hits).Slug);
        Assert.Contains($"<mark>{word}</mark>", results.Hits[0].SnippetHtml);
    }

    [Fact]
    public async Task Upload_SameContentTwice_IsStoredOnce()
    {
        var member = await Data.MemberAsync();
        var pdf = LibraryTestData.Pdf(LibraryTestData.Word());

        var first = await Data.SubmitAsync(member, LibraryTestData.Form("First copy", link: null), LibraryTestData.File("a.pdf", pdf));
        var second = await Data.SubmitAsync(member, LibraryTestData.Form("Second copy", link: null), LibraryTestData.File("b.pdf", pdf));

        Assert.Equal(first.Files.Single().StoredFileId, second.Files.Single().StoredFileId);
        Assert.Equal(["a.pdf", "b.pdf"], new[] { first.Files.Single().FileName, second.Files.Single().FileName });
    }

    [Fact]
    public async Task Download_IsAnAttachmentWithNosniffAndSandbox_AndIsCounted()
    {
        var member = await Data.MemberAsync();
        var moderator = await Data.ModeratorAsync();
        var pdf = LibraryTestData.Pdf(LibraryTestData.Word());
        var resource = await Data.ApprovedAsync(member, moderator, LibraryTestData.Form("Downloadable", link: null), LibraryTestData.File("brief.pdf", pdf));
        using var browser = new TestBrowser(fixture.App);

        using var response = await browser.Client.GetAsync($"library/{resource.Id}/files/{resource.Files.Single().Id}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("brief.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.StartsWith("sandbox", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal(1, (await Data.ResourceAsync(resource.Slug)).DownloadCount);
    }

    private string[] StoredFiles() =>
        Directory.Exists(fixture.StorageRoot) ? [.. Directory.GetFiles(fixture.StorageRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];
}
