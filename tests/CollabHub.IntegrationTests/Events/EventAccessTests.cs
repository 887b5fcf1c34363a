using System.Net;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Events;
using CollabHub.Web.Features.Groups;

namespace CollabHub.IntegrationTests.Events;

/// <summary>A private or hidden group's events are invisible to non-members everywhere: listings, pages, feeds, files.</summary>
public sealed class EventAccessTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData(GroupVisibility.Private)]
    [InlineData(GroupVisibility.Hidden)]
    public async Task NonMember_NeverSeesAClosedGroupsEvent(GroupVisibility visibility)
    {
        var member = await TestAccounts.CreateAsync(fixture.App, "Insider");
        var group = await TestGroups.CreateAsync(fixture.App, visibility, "Closed circle", (member, GroupRole.Owner));
        var title = $"Closed briefing {Guid.NewGuid():N}"[..30];
        var ev = await TestEvents.CreateAsync(fixture.App, 5, group.Id, title: title);
        await TestEvents.Registrations(fixture.App).RegisterAsync(TestEvents.Viewer(member), ev.Slug, TestContext.Current.CancellationToken);

        using var outsider = await TestAccounts.SignInNewMemberAsync(fixture.App);
        using var visitor = new TestBrowser(fixture.App);
        foreach (var browser in new[] { outsider, visitor })
        {
            Assert.DoesNotContain(title, (await browser.OpenAsync(EventLinks.List)).Html, StringComparison.Ordinal);
            Assert.DoesNotContain(title, (await browser.OpenAsync($"{EventLinks.List}?group={group.Slug}")).Html, StringComparison.Ordinal);
            Assert.DoesNotContain(title, (await browser.OpenAsync($"{EventLinks.List}?topic=&from=2000-01-01")).Html, StringComparison.Ordinal);
            Assert.DoesNotContain(group.Name, (await browser.OpenAsync(EventLinks.List)).Html, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync(EventLinks.Download(ev.Slug), TestContext.Current.CancellationToken)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync(EventLinks.GroupFeed(group.Slug), TestContext.Current.CancellationToken)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(EventLinks.Page(ev.Slug))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(EventLinks.GroupEvents(group.Slug))).Status);
        var refused = await TestEvents.Registrations(fixture.App).RegisterAsync(TestEvents.Viewer(outsider.Account), ev.Slug, TestContext.Current.CancellationToken);
        Assert.Equal(EventOutcomeKind.NotFound, refused.Kind);

        using var insider = await TestAccounts.SignInAsync(fixture.App, member);
        Assert.Contains(title, (await insider.OpenAsync(EventLinks.List)).Html, StringComparison.Ordinal);
        Assert.Contains(title, (await insider.OpenAsync(EventLinks.Page(ev.Slug))).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberFeed_AfterLeavingThePrivateGroup_DropsItsEvents()
    {
        var member = await TestAccounts.CreateAsync(fixture.App, "Leaver");
        var owner = await TestAccounts.CreateAsync(fixture.App, "Keeper");
        var group = await TestGroups.CreateAsync(fixture.App, GroupVisibility.Private, "Private circle", (owner, GroupRole.Owner), (member, GroupRole.Member));
        var ev = await TestEvents.CreateAsync(fixture.App, 5, group.Id, title: "Members only session");
        await TestEvents.Registrations(fixture.App).RegisterAsync(TestEvents.Viewer(member), ev.Slug, TestContext.Current.CancellationToken);
        var token = await Feeds().RenewAsync(member.Id, TestContext.Current.CancellationToken);
        using var calendarApp = new TestBrowser(fixture.App);
        Assert.Contains("Members only session", await calendarApp.Client.GetStringAsync(EventLinks.MemberFeed(token), TestContext.Current.CancellationToken), StringComparison.Ordinal);

        await TestGroups.RemoveMemberAsync(fixture.App, group, member);

        Assert.DoesNotContain("Members only session", await calendarApp.Client.GetStringAsync(EventLinks.MemberFeed(token), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicGroupFeed_ListsItsPublishedEventsToAnyone()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Public owner");
        var group = await TestGroups.CreateAsync(fixture.App, GroupVisibility.Public, "Open circle", (owner, GroupRole.Owner));
        await TestEvents.CreateAsync(fixture.App, null, group.Id, title: "Open session");
        using var calendarApp = new TestBrowser(fixture.App);

        var feed = await calendarApp.Client.GetStringAsync(EventLinks.GroupFeed(group.Slug), TestContext.Current.CancellationToken);

        Assert.Contains("SUMMARY:Open session", feed, StringComparison.Ordinal);
    }

    private CalendarFeedService Feeds() =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<CalendarFeedService>(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(fixture.App.Services).ServiceProvider);
}
