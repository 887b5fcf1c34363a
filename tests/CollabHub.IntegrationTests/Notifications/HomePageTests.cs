using CollabHub.IntegrationTests.Discussions;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Features.Groups;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Notifications;

/// <summary>The home page answers "what's new for me" for members, and says what the hub is to visitors.</summary>
public sealed class HomePageTests(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DiscussionTestData Data => fixture.Data;

    [Fact]
    public async Task Home_SignedIn_ShowsMyThreadsUnreadNotificationsPendingWorkAndWhoIsOnline_NothingFromOtherPrivateGroups()
    {
        var mine = await Data.GroupAsync(GroupVisibility.Private, "My circle");
        var other = await Data.GroupAsync(GroupVisibility.Private, "Not my circle");
        var me = await Data.MemberAsync(mine, "Home Owner", GroupRole.Moderator);
        var colleague = await Data.MemberAsync(mine, "Online Colleague");
        var stranger = await Data.MemberAsync(other, "Private Stranger");
        await Data.ThreadAsync(mine, colleague, "Our plan", "Hi @**Home Owner**");
        await Data.ThreadAsync(other, stranger, "Their secret plan");
        var asker = await Data.AccountAsync("Asking Person");
        await using (var db = await Data.ContextAsync())
        {
            db.GroupJoinRequests.Add(GroupJoinRequest.Create(mine.Id, asker.Id, "Let me in", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(Ct);
        }

        var presence = fixture.App.Services.GetRequiredService<ChatPresence>();
        await presence.ConnectAsync(colleague.Id, "test-connection");
        try
        {
            using var browser = await Data.BrowserAsync(me);
            var page = await browser.OpenAsync("/");

            Assert.Equal("What's new for you", page.QuerySelector("h1")!.TextContent);
            Assert.Contains("Our plan", page.QuerySelector("#home-threads-title")!.ParentElement!.TextContent);
            Assert.DoesNotContain("Their secret plan", page.Html);
            Assert.Contains("Online Colleague mentioned you in Our plan", page.QuerySelector("#home-notifications-title")!.ParentElement!.ParentElement!.TextContent);
            Assert.Contains("1 request to join", page.QuerySelector("#home-pending-title")!.ParentElement!.TextContent);
            Assert.Contains("Online Colleague", page.QuerySelector("#home-online-title")!.ParentElement!.TextContent);
            Assert.DoesNotContain("Private Stranger", page.QuerySelector("#home-online-title")!.ParentElement!.TextContent);
        }
        finally
        {
            await presence.DisconnectAsync(colleague.Id, "test-connection");
        }
    }

    [Fact]
    public async Task Home_Visitor_SeesWhatTheHubIs_AndNoPersonalSections()
    {
        await Data.GroupAsync(GroupVisibility.Public, "A public group for visitors");
        using var visitor = new TestBrowser(fixture.App);

        var page = await visitor.OpenAsync("/");

        Assert.Equal("Work across organisations, around the causes you share", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='Account/Register']"));
        Assert.Null(page.QuerySelector("#home-threads-title"));
        Assert.Null(page.QuerySelector(".notification-bell"));
        Assert.Contains("A public group for visitors", page.Html);
    }
}
