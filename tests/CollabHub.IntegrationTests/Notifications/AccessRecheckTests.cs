using CollabHub.IntegrationTests.Discussions;
using CollabHub.Web.Features.Groups;

namespace CollabHub.IntegrationTests.Notifications;

/// <summary>Access is checked when a notification is shown: removal from a private group hides what it said about the group.</summary>
public sealed class AccessRecheckTests(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DiscussionTestData Data => fixture.Data;

    [Fact]
    public async Task RemovedFromPrivateGroup_NotificationIsNotListedCountedOrOpened()
    {
        var group = await Data.GroupAsync(GroupVisibility.Private, "Private circle");
        var author = await Data.MemberAsync(group, "Pat Poster");
        var reader = await Data.MemberAsync(group, "Rae Removed");
        await Data.ThreadAsync(group, author, "Confidential plans", "Hello @**Rae Removed**");
        var viewer = NotificationsFixture.Viewer(reader);
        var before = await fixture.Notifications.ListAsync(viewer, 1, cancellationToken: Ct);
        Assert.Equal(1, await fixture.Notifications.CountUnreadAsync(viewer, Ct));
        var id = Assert.Single(before.Items).Id;

        await Data.RemoveAsync(group, reader);

        Assert.Equal(0, await fixture.Notifications.CountUnreadAsync(viewer, Ct));
        Assert.Empty((await fixture.Notifications.ListAsync(viewer, 1, cancellationToken: Ct)).Items);
        Assert.Null(await fixture.Notifications.OpenAsync(viewer, id, Ct));
        Assert.Single(await fixture.StoredAsync(reader));
    }

    [Fact]
    public async Task Open_MarksTheCollapsedOnesRead_AndLeadsToTheTarget()
    {
        var group = await Data.GroupAsync();
        var starter = await Data.MemberAsync(group, "Oona Opener");
        var replier = await Data.MemberAsync(group, "Rex Replier");
        var thread = await Data.ThreadAsync(group, starter, "Open me");
        for (var i = 0; i < 3; i++)
        {
            await Data.Service.ReplyAsync(DiscussionTestData.Principal(replier), thread.ThreadId, $"Reply {i}", cancellationToken: Ct);
        }

        var viewer = NotificationsFixture.Viewer(starter);
        var item = Assert.Single((await fixture.Notifications.ListAsync(viewer, 1, cancellationToken: Ct)).Items);
        Assert.Equal((3, true), (item.Count, item.IsUnread));

        var url = await fixture.Notifications.OpenAsync(viewer, item.Id, Ct);

        Assert.Equal($"/groups/{group.Slug}/discussions/{thread.ThreadId:D}?post=4#post-4", url);
        Assert.Equal(0, await fixture.Notifications.CountUnreadAsync(viewer, Ct));
        Assert.All(await fixture.StoredAsync(starter), n => Assert.NotNull(n.ReadAt));
        Assert.Equal(3, (await fixture.Notifications.ListAsync(viewer, 1, cancellationToken: Ct)).Items.Count);
    }
}
