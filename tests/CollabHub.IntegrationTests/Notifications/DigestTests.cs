using CollabHub.IntegrationTests.Discussions;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Features.Members.Profiles;
using CollabHub.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Notifications;

/// <summary>The daily digest: about 08:00 in each member's own time zone, only with something new, once a day even across restarts.</summary>
public sealed class DigestTests(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DiscussionTestData Data => fixture.Data;

    [Fact]
    public async Task Digest_GoesAtEightLocalPerTimeZone_ExactlyOnceAcrossRestarts()
    {
        // Made at 14:00 UTC on 14 January: 23:00 in Tokyo, 09:00 in New York (after that day's digest there).
        var clock = new ManualClock(new DateTimeOffset(2030, 1, 14, 14, 0, 0, TimeSpan.Zero));
        var tokyo = await MemberInAsync("Taro Tokyo", "Asia/Tokyo");
        var newYork = await MemberInAsync("Nia NewYork", "America/New_York");
        var actor = await Data.AccountAsync("Del Digest");
        await NotifyAsync(clock, actor, "Planning thread", tokyo, newYork);

        // 2030-01-14 23:30 UTC is 08:30 on the 15th in Tokyo and 18:30 on the 14th in New York.
        clock.Now = new DateTimeOffset(2030, 1, 14, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal(1, await NewService(clock).RunOnceAsync(Ct));
        Assert.Equal("Your CollabHub digest for 15 January 2030", Assert.Single(await fixture.MailToAsync(tokyo)).Subject);
        Assert.Empty(await fixture.MailToAsync(newYork));

        // A "restart": a new instance half an hour later sends nothing more to Tokyo.
        clock.Now = clock.Now.AddMinutes(30);
        Assert.Equal(0, await NewService(clock).RunOnceAsync(Ct));

        // 07:55 in New York is not yet time; 08:05 is.
        clock.Now = new DateTimeOffset(2030, 1, 15, 12, 55, 0, TimeSpan.Zero);
        Assert.Equal(0, await NewService(clock).RunOnceAsync(Ct));
        clock.Now = new DateTimeOffset(2030, 1, 15, 13, 5, 0, TimeSpan.Zero);
        Assert.Equal(1, await NewService(clock).RunOnceAsync(Ct));
        var mail = Assert.Single(await fixture.MailToAsync(newYork));
        Assert.Contains("Del Digest started a new thread: Planning thread", mail.TextBody);
        // In the HTML part the item's words are its link (the address was a line of text under them).
        var item = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(mail.HtmlBody).QuerySelectorAll("li a")
            .Single(a => a.TextContent == "Del Digest started a new thread: Planning thread");
        Assert.Equal("https://hub.test/groups", item.GetAttribute("href"));
        Assert.StartsWith("https://hub.test/notifications/unsubscribe?token=", mail.UnsubscribeUrl);
        Assert.Equal(0, await NewService(clock).RunOnceAsync(Ct));

        // The next morning in Tokyo there is nothing new: no mail.
        clock.Now = new DateTimeOffset(2030, 1, 15, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal(0, await NewService(clock).RunOnceAsync(Ct));
        Assert.Single(await fixture.MailToAsync(tokyo));
    }

    [Fact]
    public async Task Digest_LeavesOutImmediateKindsAndAccountsThatMayNotGetMail()
    {
        var clock = new ManualClock(new DateTimeOffset(2031, 3, 3, 6, 0, 0, TimeSpan.Zero));
        var member = await MemberInAsync("Uma Utc", "Etc/UTC");
        var suspended = await MemberInAsync("Sid Suspended", "Etc/UTC");
        var actor = await Data.AccountAsync("Ana Actor");
        await using (var db = await Data.ContextAsync())
        {
            await db.Users.Where(u => u.Id == suspended.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.SuspendedAt, clock.Now).SetProperty(u => u.SuspensionReason, "A test."), Ct);
        }

        await NotifyAsync(clock, actor, "Thread for the digest", member, suspended);
        await NotifyAsync(clock, actor, "Mentioned elsewhere", NotificationKind.Mention, member);

        clock.Now = new DateTimeOffset(2031, 3, 3, 8, 1, 0, TimeSpan.Zero);
        await NewService(clock).RunOnceAsync(Ct);

        var mails = await fixture.MailToAsync(member);
        Assert.Equal("Ana Actor mentioned you in Mentioned elsewhere", mails[0].Subject);
        var mail = Assert.Single(mails, m => m.Subject.StartsWith("Your CollabHub digest", StringComparison.Ordinal));
        Assert.Contains("Thread for the digest", mail.TextBody);
        Assert.DoesNotContain("Mentioned elsewhere", mail.TextBody);
        Assert.Empty(await fixture.MailToAsync(suspended));
    }

    private NotificationDigestService NewService(TimeProvider clock) =>
        ActivatorUtilities.CreateInstance<NotificationDigestService>(fixture.App.Services, clock);

    private async Task<ApplicationUser> MemberInAsync(string name, string timeZone)
    {
        var user = await Data.AccountAsync(name);
        await using var db = await Data.ContextAsync();
        var profile = MemberProfile.For(user.Id);
        profile.Apply(new ProfileChanges(name, null, null, "", "", "", [], [], timeZone), DateTimeOffset.UtcNow);
        db.MemberProfiles.Add(profile);
        await db.SaveChangesAsync(Ct);
        return user;
    }

    private Task NotifyAsync(TimeProvider clock, ApplicationUser actor, string title, params ApplicationUser[] recipients) =>
        NotifyAsync(clock, actor, title, NotificationKind.NewThread, recipients);

    /// <summary>Notifications made at the clock's time, as a feature would stage them.</summary>
    private async Task NotifyAsync(TimeProvider clock, ApplicationUser actor, string title, NotificationKind kind, params ApplicationUser[] recipients)
    {
        var notifier = new Notifier(clock);
        await using var db = await Data.ContextAsync();
        var subject = $"thread:{Guid.NewGuid():D}";
        foreach (var recipient in recipients)
        {
            notifier.Add(db, new NotificationRequest(recipient.Id, kind, actor.Id, subject, "/groups", title));
        }

        await db.SaveChangesAsync(Ct);
    }
}
