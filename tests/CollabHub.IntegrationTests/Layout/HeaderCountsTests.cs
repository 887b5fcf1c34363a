using CollabHub.IntegrationTests.Chat;
using CollabHub.IntegrationTests.Discussions;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.IntegrationTests.Library;
using CollabHub.IntegrationTests.Notifications;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Features.Groups;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Layout;

/// <summary>
/// The signed-in header's counts (notifications, direct messages, submissions to review), which a server-rendered page
/// reads together in one statement: each still follows its own feature's rule.
/// </summary>
public sealed class HeaderCountsTests(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DiscussionTestData Data => fixture.Data;

    [Fact]
    public async Task Header_UnreadNotificationMessageAndSubmission_ShowsEachCount_AndForgetsThePrivateGroupOnRemoval()
    {
        var group = await Data.GroupAsync(GroupVisibility.Private, "Header circle");
        var me = await Data.MemberAsync(group, "Header Moderator", GroupRole.Moderator);
        var friend = await Data.MemberAsync(group, "Header Friend");
        var thread = await Data.ThreadAsync(group, me, "Header thread");
        await Data.Service.ReplyAsync(DiscussionTestData.Principal(friend), thread.ThreadId, "A reply for the bell", cancellationToken: Ct);
        var chat = fixture.App.Services.GetRequiredService<ChatService>();
        var conversation = await chat.OpenDirectAsync(ChatPanelHarness.Caller(friend), me.Id, Ct);
        await chat.SendAsync(ChatPanelHarness.Caller(friend), conversation.ChannelId, Guid.NewGuid(), "Hello from the header test", Ct);
        await new LibraryTestData(fixture.App).SubmitAsync(friend, LibraryTestData.Form("Header brief", group: group.Slug));
        using var browser = await Data.BrowserAsync(me);

        var page = await browser.OpenAsync("/library");

        // The reply, the message and the submission each notify; the bell shows what the notifications page counts.
        var unread = await fixture.Notifications.CountUnreadAsync(NotificationsFixture.Viewer(me), Ct);
        Assert.Equal(3, unread);
        Assert.Equal("3", page.QuerySelector(".notification-bell__count")?.TextContent);
        Assert.Equal("1 unread", page.QuerySelector("a[href='messages'] .chat-unread")?.TextContent);
        Assert.Equal("Review 1 waiting", Words(page.QuerySelector("a[href='library/review']")?.TextContent));
        var home = await browser.OpenAsync("/");
        Assert.Equal("1 submission awaits your review", home.QuerySelector("#library-home-title + p a[href='library/review']")?.TextContent);

        await Data.RemoveAsync(group, me);
        page = await browser.OpenAsync("/library");

        // The reply and the submission were in a private group they left, and they moderate nothing now; the
        // conversation (and its notification) are theirs still.
        Assert.Equal(1, await fixture.Notifications.CountUnreadAsync(NotificationsFixture.Viewer(me), Ct));
        Assert.Equal("Notifications, 1 unread", page.QuerySelector(".notification-bell")?.GetAttribute("aria-label"));
        Assert.Null(page.QuerySelector("a[href='library/review']"));
        Assert.Equal("1 unread", page.QuerySelector("a[href='messages'] .chat-unread")?.TextContent);
    }

    [Fact]
    public async Task Header_SignedInLibraryPage_ReadsAllItsCountsInOneStatement()
    {
        using var browser = await TestAccounts.SignInNewMemberAsync(fixture.App);
        await browser.OpenAsync("/library");
        using var statements = new StatementCounter(fixture.ConnectionString);

        await browser.OpenAsync("/library");

        // One for the list of resources, one for the header (before: five, the header's counts one by one).
        Assert.Equal(2, statements.Statements.Count);
    }

    private static string? Words(string? text) =>
        text is null ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
