using System.IO.Compression;
using System.Net;
using CollabHub.IntegrationTests.Events;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Events;
using CollabHub.Web.Features.Groups;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Foundation;

/// <summary>
/// The visitors' page cache (<c>PublicPageCachePolicy</c>): visitors share a stored copy of a public page, and
/// nothing personal is ever stored or served from it.
/// </summary>
public sealed class PublicPageCacheTests(PublicPageCacheFixture fixture) : IClassFixture<PublicPageCacheFixture>
{
    private const string TokenField = "__RequestVerificationToken";

    [Fact]
    public async Task PublicPage_SecondVisitor_GetsTheStoredCopyWithoutAnyonesCookie()
    {
        var (path, name) = await StoredThenChangedAsync();

        using var second = new TestBrowser(fixture.App);
        var page = await second.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain(name, page.Html);
        Assert.DoesNotContain(TokenField, page.Html);
        Assert.Empty(second.Cookies.GetCookies(second.Client.BaseAddress!));
        Assert.Contains(name, (await second.GetAsync(path + "&sort=name")).Html);
    }

    /// <summary>
    /// A visitor's very first page (no cookie at all, as from a link in a mail) sets no cookie, carries no antiforgery
    /// token, and is stored: the next visitor gets the stored copy. Blazor wrote a token (and its cookie) into every
    /// page's component state, and the groups and events lists streamed, which issues one before the first byte, so
    /// such pages were rendered for every new visitor and never stored.
    /// </summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/groups")]
    [InlineData("/library")]
    [InlineData("/events")]
    [InlineData("event")]
    public async Task PublicPage_FirstVisit_SetsNoCookie_AndIsStoredForTheNextVisitor(string path)
    {
        if (path == "event")
        {
            path = EventLinks.Page((await TestEvents.CreateAsync(fixture.App, 10)).Slug);
        }

        path += $"?first={Guid.NewGuid():N}";
        using var first = new TestBrowser(fixture.App);
        using var firstAnswer = await first.Client.GetAsync(path, TestContext.Current.CancellationToken);
        var html = await firstAnswer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, firstAnswer.StatusCode);
        Assert.False(firstAnswer.Headers.Contains("Set-Cookie"), string.Join("; ", firstAnswer.Headers.Select(h => h.Key)));
        Assert.DoesNotContain(TokenField, html);
        Assert.DoesNotContain("no-store", firstAnswer.Headers.CacheControl?.ToString() ?? "");
        using var second = new TestBrowser(fixture.App);
        using var secondAnswer = await second.Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.NotNull(secondAnswer.Headers.Age); // served from the store
    }

    /// <summary>
    /// A page goes compressed to a browser that asks (Brotli or gzip), as a phone on a slow link needs it, and plain to
    /// one that does not; the store keeps one copy for each encoding, so no one is sent an encoding they cannot read.
    /// </summary>
    [Fact]
    public async Task PublicPage_GoesCompressedToWhoeverAsks_InTheEncodingAskedFor_AndStoredSoForEach()
    {
        var path = $"/library?compressed={Guid.NewGuid():N}";
        using var visitor = new TestBrowser(fixture.App);

        var (brotli, brotliHtml) = await GetAsync(visitor, path, "br, gzip");
        var (gzip, gzipHtml) = await GetAsync(visitor, path, "gzip");
        var (plain, plainHtml) = await GetAsync(visitor, path, null);
        var (brotliAgain, _) = await GetAsync(visitor, path, "br, gzip");

        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.All(new[] { brotliHtml, gzipHtml, plainHtml }, html => Assert.Contains("id=\"library-results-title\"", html, StringComparison.Ordinal));
        Assert.True(brotli.Content.Headers.ContentLength < plainHtml.Length / 2, $"{brotli.Content.Headers.ContentLength} of {plainHtml.Length}");
        Assert.Null(gzip.Headers.Age); // the first asking for gzip: not the Brotli copy
        Assert.NotNull(brotliAgain.Headers.Age);
        Assert.Equal(["br"], brotliAgain.Content.Headers.ContentEncoding);
    }

    /// <summary>The account pages (recovery codes, the authenticator key) are never compressed: see PageCompression.</summary>
    [Fact]
    public async Task AccountPages_AreNeverCompressed()
    {
        using var visitor = new TestBrowser(fixture.App);

        var (login, html) = await GetAsync(visitor, "/Account/Login", "br, gzip");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Empty(login.Content.Headers.ContentEncoding);
        Assert.Contains("Password", html, StringComparison.Ordinal);
    }

    private static async Task<(HttpResponseMessage Response, string Html)> GetAsync(TestBrowser browser, string path, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        var response = await browser.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        await using Stream decoded = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            _ => body,
        };
        using var reader = new StreamReader(decoded);
        return (response, await reader.ReadToEndAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PublicPage_SignedInMember_IsNeverServedTheVisitorsCopy()
    {
        var (path, name) = await StoredThenChangedAsync();

        using var member = await TestAccounts.SignInNewMemberAsync(fixture.App);
        var page = await member.GetAsync(path);

        Assert.Contains(name, page.Html);
    }

    [Fact]
    public async Task PublicPage_SeenBySignedInMember_IsNotStoredForVisitors()
    {
        var (path, _) = Search();
        using var member = await TestAccounts.SignInNewMemberAsync(fixture.App);
        await member.GetAsync(path);
        await member.GetAsync(path);

        using var visitor = new TestBrowser(fixture.App);
        var page = await visitor.GetAsync(path);

        Assert.DoesNotContain(member.Account.DisplayName, page.Html);
        Assert.DoesNotContain(TokenField, page.Html);
        Assert.NotNull(page.QuerySelector("a[href='Account/Login']"));
    }

    [Fact]
    public async Task PublicPage_VisitorWithAnotherCookie_GetsAFreshPage()
    {
        var (path, name) = await StoredThenChangedAsync();

        using var visitor = new TestBrowser(fixture.App);
        // Any cookie but the antiforgery one (a status message, an external sign-in) may change what the page says.
        visitor.Cookies.Add(visitor.Client.BaseAddress!, new Cookie("Identity.StatusMessage", "Saved"));
        var page = await visitor.GetAsync(path);

        Assert.Contains(name, page.Html);
    }

    [Fact]
    public async Task PublicPage_GroupHidden_VanishesFromTheStoredCopyAtOnce()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Owner");
        var (path, name) = Search();
        var group = await TestGroups.CreateAsync(fixture.App, GroupVisibility.Public, name, (owner, GroupRole.Owner));
        using (var visitor = new TestBrowser(fixture.App))
        {
            await visitor.GetAsync(path);
            Assert.Contains(name, (await visitor.GetAsync(path)).Html); // stored with the group in it
        }

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var groups = scope.ServiceProvider.GetRequiredService<GroupService>();
        var viewer = new GroupViewer(owner.Id, false);
        var form = (await groups.GetFormAsync(viewer, group.Slug, TestContext.Current.CancellationToken))!;
        form.Description = "Where the unit plans its trials.";
        form.Visibility = GroupVisibility.Hidden;
        form.JoinPolicy = GroupJoinPolicy.Invitation;
        var saved = await groups.UpdateAsync(viewer, group.Slug, form, null, TestContext.Current.CancellationToken);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Values));

        using var next = new TestBrowser(fixture.App);
        Assert.DoesNotContain(name, (await next.GetAsync(path)).Html);
    }

    /// <summary>
    /// A groups search that a visitor opened twice (stored once), then a new group it would find: the stored copy no
    /// longer tells the truth.
    /// </summary>
    private async Task<(string Path, string Name)> StoredThenChangedAsync()
    {
        var (path, name) = Search();
        using (var visitor = new TestBrowser(fixture.App))
        {
            await visitor.GetAsync(path);
            await visitor.GetAsync(path);
        }

        await TestGroups.CreateAsync(fixture.App, GroupVisibility.Public, name);
        return (path, name);
    }

    /// <summary>A groups search of its own (so each test has its own stored page) and the name of a group it would find.</summary>
    private static (string Path, string Name) Search()
    {
        var word = $"cachetest{Guid.NewGuid():N}"[..20];
        return ($"/groups?q={word}", $"Group {word}");
    }
}
