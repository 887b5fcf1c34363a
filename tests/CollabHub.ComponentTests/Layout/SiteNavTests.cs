using Bunit;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Components.Layout;
using CollabHub.Web.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.ComponentTests.Layout;

public sealed class SiteNavTests : BunitContext
{
    public SiteNavTests()
    {
        Services.AddLocalization();
        // The bell is an interactive island with its own services and tests (NotificationBellTests).
        ComponentFactories.AddStub<NotificationBell>();
        Services.AddSingleton<CollabHub.Web.Features.Library.IPendingReviewCount>(new Library.FixedReviewCount(0));
        // The unread badge is a live island with its own tests; here only where it sits matters.
        ComponentFactories.AddStub<ChatUnreadBadge>();
    }

    [Fact]
    public void Anonymous_SeesSignInAndJoin_NotSignOut()
    {
        AddAuthorization();

        var nav = Render<SiteNav>();

        Assert.Equal("Account/Login", nav.Find("a[href='Account/Login']").GetAttribute("href"));
        Assert.Contains("Join", nav.Find("a[href='Account/Register']").TextContent);
        Assert.Empty(nav.FindAll("form[action='Account/Logout']"));
        Assert.Contains("Groups", nav.Find("a[href='groups']").TextContent);
    }

    [Fact]
    public void SignedIn_SeesTheirNameInitialsAndSignOut()
    {
        AddAuthorization().SetAuthorized("Amina Diallo");

        var nav = Render<SiteNav>();

        Assert.Equal("Amina Diallo", nav.Find(".user-link__name").TextContent);
        Assert.Equal("AD", nav.Find(".avatar-initials").TextContent);
        Assert.Equal("post", nav.Find("form[action='Account/Logout']").GetAttribute("method"));
        Assert.Empty(nav.FindAll("a[href='Account/Login']"));
    }

    [Fact]
    public void SignedIn_IsGreetedByDisplayName_NotTheSignInAddress()
    {
        AddAuthorization().SetAuthorized("amina.diallo@unicef.org")
            .SetClaims(new System.Security.Claims.Claim(CollabHub.Web.Features.Members.MemberClaims.DisplayName, "Amina Diallo"));

        var nav = Render<SiteNav>();

        Assert.Equal("Amina Diallo", nav.Find(".user-link__name").TextContent);
        Assert.Equal("AD", nav.Find(".avatar-initials").TextContent);
    }
}
