using System.Collections.Concurrent;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Discussions;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Live;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Discussions;

/// <summary>
/// Two readers of a thread: the second subscribes through the app's own ILiveEvents exactly as the live thread view
/// does (reload through the service on each event), and sees what the first posts, edits and removes.
/// </summary>
public sealed class LiveDeliveryTests(DiscussionsFixture fixture) : IClassFixture<DiscussionsFixture>
{
    private static readonly TimeSpan TimeBox = TimeSpan.FromSeconds(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DiscussionTestData Data => fixture.Data;

    [Fact]
    public async Task ReplyPostedOverHttp_ReachesTheOtherReadersView_WithinTheTimeBox()
    {
        var group = await Data.GroupAsync(GroupVisibility.Private);
        var writer = await Data.MemberAsync(group, "Writer Person");
        var reader = await Data.MemberAsync(group, "Reader Person");
        var thread = await Data.ThreadAsync(group, writer);
        await using var view = await LiveView.OpenAsync(fixture, group, reader, thread.ThreadId);

        using var browser = await Data.BrowserAsync(writer);
        await browser.SubmitFormAsync($"groups/{group.Slug}/discussions/{thread.ThreadId}/reply", "reply",
            new Dictionary<string, string> { ["Input.Body"] = "Fresh **news** from the field" });

        await Eventually.WaitAsync(() => view.Latest?.Posts.Any(p => p.Html?.Contains("<strong>news</strong>", StringComparison.Ordinal) == true) == true,
            "the reply in the second reader's view", TimeBox);
        Assert.Equal(2, view.Latest!.PostCount);
    }

    [Fact]
    public async Task EditAndHide_ReachTheOtherReadersView()
    {
        var group = await Data.GroupAsync();
        var writer = await Data.MemberAsync(group, "Writer Person");
        var reader = await Data.MemberAsync(group, "Reader Person");
        var moderator = await Data.MemberAsync(group, "Mod Erator", GroupRole.Moderator);
        var thread = await Data.ThreadAsync(group, writer, body: "Draft words");
        var reply = await Data.Service.ReplyAsync(DiscussionTestData.Principal(writer), thread.ThreadId, "Off-colour remark", cancellationToken: Ct);
        await using var view = await LiveView.OpenAsync(fixture, group, reader, thread.ThreadId);

        await Data.Service.EditPostAsync(DiscussionTestData.Principal(writer), thread.PostId, 1, "Final words", cancellationToken: Ct);
        await Eventually.WaitAsync(() => view.Latest?.Posts[0].Markdown == "Final words", "the edit", TimeBox);

        await Data.Service.HidePostAsync(DiscussionTestData.Principal(moderator), reply.PostId, null, Ct);
        await Eventually.WaitAsync(() => view.Latest?.Posts[1].State == PostState.HiddenByModerator, "the hiding", TimeBox);
        Assert.True(view.Latest!.Posts[0].IsEdited);
    }

    [Fact]
    public async Task RemovedReader_GetsNothingMoreOnTheNextEvent()
    {
        var group = await Data.GroupAsync(GroupVisibility.Private);
        var writer = await Data.MemberAsync(group, "Writer Person");
        var reader = await Data.MemberAsync(group, "Reader Person");
        var thread = await Data.ThreadAsync(group, writer);
        await using var view = await LiveView.OpenAsync(fixture, group, reader, thread.ThreadId);

        await Data.RemoveAsync(group, reader);
        await Data.Service.ReplyAsync(DiscussionTestData.Principal(writer), thread.ThreadId, "Members only from now on", cancellationToken: Ct);

        await Eventually.WaitAsync(() => view.LostAccess, "the reload to find no access", TimeBox);
        Assert.Equal(1, view.Latest!.PostCount);
    }

    /// <summary>What ThreadView does: subscribe to the thread's topic, and on each event read the page again as its viewer.</summary>
    private sealed class LiveView : IAsyncDisposable
    {
        private readonly ConcurrentQueue<ThreadPage?> loads = new();
        private IDisposable? subscription;

        public ThreadPage? Latest => loads.LastOrDefault(p => p is not null);

        public bool LostAccess => !loads.IsEmpty && loads.Last() is null;

        public static async Task<LiveView> OpenAsync(DiscussionsFixture fixture, Group group, Web.Features.Members.ApplicationUser reader, Guid threadId)
        {
            var view = new LiveView();
            var service = fixture.Data.Service;
            var principal = DiscussionTestData.Principal(reader);
            view.loads.Enqueue(await service.ReadThreadAsync(principal, group.Slug, threadId, null));
            var live = fixture.App.Services.GetRequiredService<ILiveEvents>();
            view.subscription = live.Subscribe<DiscussionActivity>(LiveTopics.Thread(threadId), async _ =>
                view.loads.Enqueue(await service.ReadThreadAsync(principal, group.Slug, threadId, null)));
            return view;
        }

        public ValueTask DisposeAsync()
        {
            subscription?.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
