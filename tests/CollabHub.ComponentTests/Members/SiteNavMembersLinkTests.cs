using System.Security.Claims;
using Bunit;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Components.Layout;
using CollabHub.Web.Components.Shared;
using CollabHub.Web.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.ComponentTests.Members;

public sealed class SiteNavMembersLinkTests : BunitContext
{
    public SiteNavMembersLinkTests()
    {
        Services.AddLocalization();
        // The bell is an interactive island with its own services and tests (NotificationBellTests).
        ComponentFactories.AddStub<NotificationBell>();
        Services.AddSingleton<CollabHub.Web.Features.Library.IPendingReviewCount>(new Library.FixedReviewCount(0));
        // The unread badge is a live island with its own tests; here only where it sits matters.
        ComponentFactories.AddStub<ChatUnreadBadge>();
    }

    [Fact]
    public void SignedIn_SeesMembersAndTheirColouredInitials()
    {
        AddAuthorization().SetAuthorized("amina.diallo@un.org").SetClaims(new Claim(ClaimTypes.NameIdentifier, "user-42"));

        var nav = Render<SiteNav>();

        Assert.Equal("Members", nav.Find("a[href='members']").TextContent);
        var initials = nav.Find(".user-link .avatar-initials");
        Assert.Equal("AD", initials.TextContent);
        Assert.Contains($"avatar--c{Avatar.ColourIndex("user-42")}", initials.ClassList);
    }

    [Fact]
    public void Anonymous_DoesNotSeeMembers()
    {
        AddAuthorization();

        var nav = Render<SiteNav>();

        Assert.Empty(nav.FindAll("a[href='members']"));
    }
}
