using Bunit;
using CollabHub.Web.Features.Library;
using CollabHub.Web.Features.Library.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.ComponentTests.Library;

public sealed class LibraryReviewLinkTests : BunitContext
{
    public LibraryReviewLinkTests() => Services.AddLocalization();

    [Fact]
    public void Reviewer_WithWaitingSubmissions_SeesTheCount()
    {
        AddAuthorization().SetAuthorized("Moderator");
        Services.AddSingleton<IPendingReviewCount>(new FixedReviewCount(3));

        var link = Render<LibraryReviewLink>();

        Assert.Equal("Review 3 waiting", string.Join(' ', link.Find("a[href='library/review']").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void NothingWaiting_ShowsNoLink()
    {
        AddAuthorization().SetAuthorized("Member");
        Services.AddSingleton<IPendingReviewCount>(new FixedReviewCount(0));

        var link = Render<LibraryReviewLink>();

        Assert.Empty(link.FindAll("a"));
    }
}
