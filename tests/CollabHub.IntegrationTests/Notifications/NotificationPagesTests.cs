using System.Net;
using CollabHub.IntegrationTests.Discussions;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Notifications;

/// <summary>The notifications page, opening one, marking all read, the settings form and the unsubscribe page, over HTTP.</summary>
public sealed class NotificationPagesTests(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DiscussionTestData Data => fixture.Data;

    [Fact]
    public async Task NotificationsPage_ShowsWhoDidWhatCollapsed_OpenLeadsToTargetAndMarksRead()
    {
        var group = await Data.GroupAsync();
        var starter = await Data.MemberAsync(group, "Page Starter");
        var replier = await Data.MemberAsync(group, "Page Replier");
        var thread = await Data.ThreadAsync(group, starter, "Paging thread");
        await Data.Service.ReplyAsync(DiscussionTestData.Principal(replier), thread.ThreadId, "One", cancellationToken: Ct);
        await Data.Service.ReplyAsync(DiscussionTestData.Principal(replier), thread.ThreadId, "Two", cancellationToken: Ct);
        using var browser = await Data.BrowserAsync(starter);

        var page = await browser.OpenAsync("/notifications");

        var item = Assert.Single(page.QuerySelectorAll(".notification--unread"));
        Assert.Contains("2 new replies in Paging thread, latest by Page Replier", item.TextContent);
        Assert.Equal("Today", page.QuerySelector(".notifications-day h2")!.TextContent);
        var open = item.QuerySelector("a.notification__text")!.GetAttribute("href")!;
        var noFollow = new TestBrowser(fixture.App, followRedirects: false);
        await noFollow.SignInAsync(starter);
        var redirect = await noFollow.GetAsync("/" + open);
        Assert.Equal(HttpStatusCode.Redirect, redirect.Status);
        Assert.Equal($"/groups/{group.Slug}/discussions/{thread.ThreadId:D}?post=3#post-3", redirect.RedirectLocation!.OriginalString);
        page = await browser.OpenAsync("/notifications");
        Assert.Empty(page.QuerySelectorAll(".notification--unread"));
        Assert.Equal(2, page.QuerySelectorAll(".notification").Length);
        noFollow.Dispose();
    }

    [Fact]
    public async Task MarkAllRead_EmptiesTheBellCount()
    {
        var group = await Data.GroupAsync();
        var member = await Data.MemberAsync(group, "Mark All");
        var author = await Data.MemberAsync(group, "Many Threads");
        await Data.ThreadAsync(group, author, "First");
        await Data.ThreadAsync(group, author, "Second", "Hi @**Mark All**");
        using var browser = await Data.BrowserAsync(member);
        var page = await browser.OpenAsync("/notifications");
        Assert.Equal(2, page.QuerySelectorAll(".notification--unread").Length);
        Assert.Contains("Notifications, 2 unread", page.QuerySelector(".notification-bell")!.GetAttribute("aria-label"));

        page = await browser.SubmitAsync(page.FormPostingTo("notifications/read-all"));

        Assert.Empty(page.QuerySelectorAll(".notification--unread"));
        Assert.Equal(0, await fixture.Notifications.CountUnreadAsync(NotificationsFixture.Viewer(member), Ct));
    }

    [Fact]
    public async Task SettingsForm_SavesDeliveriesAndGroupFollows()
    {
        var group = await Data.GroupAsync(name: "Followed group");
        var member = await Data.MemberAsync(group, "Set Tings");
        using var browser = await Data.BrowserAsync(member);
        var page = await browser.OpenAsync("/notifications/settings");
        Assert.Equal("Immediately", page.QuerySelector("#delivery-Mention option[selected]")!.GetAttribute("value"));
        Assert.Equal("Digest", page.QuerySelector("#delivery-NewThread option[selected]")!.GetAttribute("value"));

        page = await browser.SubmitAsync(page.FormPostingTo("notifications/settings"), [new("delivery.Mention", "Digest"), new("follow", "")]);

        Assert.Contains("Your notification settings are saved.", page.Html);
        Assert.Equal("Digest", page.QuerySelector("#delivery-Mention option[selected]")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector($"#follow-{group.Id}")!.GetAttribute("checked"));
        await using var db = await Data.ContextAsync();
        Assert.False(await db.GroupFollows.Where(f => f.UserId == member.Id && f.GroupId == group.Id).Select(f => f.FollowsNewThreads).SingleAsync(Ct));
    }

    [Fact]
    public async Task UnsubscribePage_SignedOut_AsksFirst_ThenConfirms()
    {
        var member = await Data.AccountAsync("Una Page");
        var link = fixture.App.Services.GetRequiredService<UnsubscribeTokens>().Link(new UnsubscribeScope(member.Id, NotificationKind.Reply));
        using var anonymous = new TestBrowser(fixture.App);

        var page = await anonymous.OpenAsync(link.PathAndQuery);
        Assert.Contains("Stop e-mails for", page.Html);
        page = await anonymous.SubmitAsync(page.FormPostingTo(UnsubscribeTokens.Path));

        Assert.Contains("Done: you will no longer get e-mails", page.Html);
        var settings = await fixture.App.Services.GetRequiredService<NotificationPreferencesService>().GetAsync(member.Id, Ct);
        Assert.Equal(EmailDelivery.Off, settings.Deliveries[NotificationKind.Reply]);
        var forged = await anonymous.GetAsync("/notifications/unsubscribe?token=not-a-token");
        Assert.Contains("This unsubscribe link is not valid", forged.Html);
    }
}
