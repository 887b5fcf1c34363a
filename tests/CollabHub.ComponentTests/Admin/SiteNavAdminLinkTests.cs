using Bunit;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Components.Layout;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.ComponentTests.Admin;

public sealed class SiteNavAdminLinkTests : BunitContext
{
    public SiteNavAdminLinkTests()
    {
        Services.AddLocalization();
        // The bell is an interactive island with its own services and tests (NotificationBellTests).
        ComponentFactories.AddStub<NotificationBell>();
        Services.AddSingleton<CollabHub.Web.Features.Library.IPendingReviewCount>(new Library.FixedReviewCount(0));
        // The unread badge is a live island with its own tests; here only where it sits matters.
        ComponentFactories.AddStub<ChatUnreadBadge>();
    }

    [Fact]
    public void Administrator_SeesAdminLink()
    {
        AddAuthorization().SetAuthorized("Ada Admin").SetPolicies(Policies.Administrator);

        var nav = Render<SiteNav>();

        Assert.Equal("Admin", nav.Find(".site-nav__links a[href='admin']").TextContent);
    }

    [Fact]
    public void MemberOrModerator_DoesNotSeeAdminLink()
    {
        AddAuthorization().SetAuthorized("Mo Moderator").SetPolicies(Policies.Moderator);

        var nav = Render<SiteNav>();

        Assert.Empty(nav.FindAll("a[href='admin']"));
    }
}
