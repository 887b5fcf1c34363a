using System.Net;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Library;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Library;

/// <summary>The demo library: five real UN documents, searchable, one featured, in the Behavioural Science Week collection.</summary>
public sealed class LibraryDemoSeedTests(PostgresServer postgres)
{
    [Fact]
    public async Task DemoSeed_PublishesTheFiveUnDocuments_SearchableAndCollected()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await DemoSeededApp.CreateAsync(postgres, "libraryseed");
        await using var scoped = app.Services.CreateAsyncScope();
        var search = scoped.ServiceProvider.GetRequiredService<LibrarySearchService>();
        var front = await search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery(), ct);
        var found = await search.SearchAsync(LibraryTestData.Anonymous, new LibraryQuery { Q = "digital cooperation" }, ct);
        using var browser = new TestBrowser(app);
        var collection = await browser.OpenAsync("library/collections/behavioural-science-week-materials");
        var page = await browser.GetAsync($"library/{LibraryDemoSlugs.BehaviouralScience}");

        Assert.Equal(5, front.Total);
        Assert.All(front.Hits, h => Assert.StartsWith("https://www.un.org/", h.LinkUrl, StringComparison.Ordinal));
        Assert.Equal(LibraryDemoSlugs.BehaviouralScience, Assert.Single(front.Featured).Slug);
        Assert.Equal("Behavioural Science Week materials", Assert.Single(front.FeaturedCollections).Title);
        Assert.Equal("roadmap-for-digital-cooperation", found.Hits[0].Slug);
        Assert.Contains("Our Common Agenda", collection.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.Status);
    }
}
