using System.Security.Claims;
using Bunit;
using CollabHub.IntegrationTests.Discussions;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Notifications;
using CollabHub.Web.Infrastructure.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Notifications;

/// <summary>
/// The bell as a member's open page has it (interactive, on the real app's services and live events), while another
/// session acts: its count changes without a reload or a poll.
/// </summary>
public sealed class NotificationBellTests(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private DiscussionTestData Data => fixture.Data;

    [Fact]
    public async Task Bell_ReplyInAnotherSession_CountRisesLive_ReadingElsewhereLowersIt()
    {
        var group = await Data.GroupAsync();
        var starter = await Data.MemberAsync(group, "Bell Ringer");
        var replier = await Data.MemberAsync(group, "Other Session");
        var thread = await Data.ThreadAsync(group, starter, "Bell thread");
        await using var page = new BunitContext();
        page.Services.AddFallbackServiceProvider(fixture.App.Services);
        page.AddAuthorization().SetAuthorized(starter.UserName!).SetClaims(new Claim(ClaimTypes.NameIdentifier, starter.Id));
        page.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var live = fixture.App.Services.GetRequiredService<InMemoryLiveEvents>();

        var bell = page.Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("Notifications, none unread", bell.Find("a").GetAttribute("aria-label")), Timeout);
        await Eventually.WaitAsync(() => live.SubscriberCount(LiveTopics.User(starter.Id)) > 0, "the bell subscribes to the member's topic");

        await Data.Service.ReplyAsync(DiscussionTestData.Principal(replier), thread.ThreadId, "Ding", cancellationToken: Ct);

        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find(".notification-bell__count").TextContent), Timeout);
        Assert.Equal("Notifications, 1 unread", bell.Find("a").GetAttribute("aria-label"));

        await fixture.Notifications.MarkAllReadAsync(NotificationsFixture.Viewer(starter), Ct);

        bell.WaitForAssertion(() => Assert.Empty(bell.FindAll(".notification-bell__count")), Timeout);
    }

    [Fact]
    public async Task Bell_RolledBackChange_RingsNobody()
    {
        var member = await Data.AccountAsync("Quiet Bell");
        var live = fixture.App.Services.GetRequiredService<ILiveEvents>();
        var rang = 0;
        using var subscription = live.Subscribe<NotificationsChanged>(LiveTopics.User(member.Id), _ =>
        {
            Interlocked.Increment(ref rang);
            return Task.CompletedTask;
        });
        var notifier = fixture.App.Services.GetRequiredService<INotifier>();

        await using (var db = await Data.ContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            notifier.Add(db, new NotificationRequest(member.Id, NotificationKind.Mention, null, "thread:rolled-back", "/groups", "Never happened"));
            await db.SaveChangesAsync(Ct);
            await transaction.RollbackAsync(Ct);
        }

        await using (var db = await Data.ContextAsync())
        {
            notifier.Add(db, new NotificationRequest(member.Id, NotificationKind.Mention, null, "thread:committed", "/groups", "Happened"));
            await db.SaveChangesAsync(Ct);
        }

        await Eventually.WaitAsync(() => Volatile.Read(ref rang) == 1, "the committed notification rings once");
        Assert.Equal(1, await fixture.Notifications.CountUnreadAsync(NotificationsFixture.Viewer(member), Ct));
    }
}
