using Bunit;
using CollabHub.Web.Features.Discussions;
using CollabHub.Web.Features.Discussions.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using static CollabHub.ComponentTests.Discussions.ThreadFixtures;

namespace CollabHub.ComponentTests.Discussions;

public sealed class ThreadContentTests : BunitContext
{
    private readonly List<string> calls = [];

    public ThreadContentTests()
    {
        Services.AddLocalization();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private IRenderedComponent<ThreadContent> RenderThread(ThreadPage page, ThreadActions? actions = null) =>
        Render<ThreadContent>(p => p
            .Add(c => c.Page, page)
            .Add(c => c.Actions, actions ?? Recording(calls))
            .Add(c => c.PageUrl, n => $"page-{n}"));

    [Fact]
    public void Thread_ShowsPostsInOrder_WithAuthorsReactionsAndReplyLinks()
    {
        var reactions = new List<ReactionView> { new(Reactions.Find("heart"), 2, ["Amina Diallo", "Ben Okafor"], Mine: true) };
        var reply = Post(2, "Ben", "Agreed.", reactions: reactions) with
        {
            ReplyTo = new ReplyToView(1, "Amina"),
            EditedAt = new DateTimeOffset(2026, 3, 6, 8, 0, 0, TimeSpan.Zero),
        };

        var view = RenderThread(Page([Post(1, "Amina", "Opening."), reply]));

        Assert.Equal("Letters that nudge", view.Find("#thread-title").TextContent);
        Assert.Equal(["post-1", "post-2"], view.FindAll(".post-list > li").Select(li => li.Id));
        Assert.Equal("Agreed.", view.Find("#post-2 .post-body").TextContent);
        Assert.Equal("in reply to #1 by Amina", view.Find("#post-2 .post__reply-to").TextContent);
        Assert.Contains("edited", view.Find("#post-2 .post__edited").TextContent);
        var heart = view.Find("#post-2 .reaction");
        Assert.Equal("2", heart.QuerySelector(".reaction__count")!.TextContent);
        Assert.Equal("Amina Diallo, Ben Okafor", heart.GetAttribute("title"));
        Assert.Equal("true", heart.GetAttribute("aria-pressed"));
    }

    [Fact]
    public void React_OnOwnReaction_TakesItBack()
    {
        var reactions = new List<ReactionView> { new(Reactions.Find("heart"), 1, ["Viewer"], Mine: true) };
        var view = RenderThread(Page([Post(1, "Amina", "Opening.", reactions: reactions)]));

        view.Find("#post-1 .reaction").Click();

        Assert.Equal(["react:heart:False"], calls);
    }

    [Fact]
    public void Quote_FillsTheReplyWithTheQuotedPost_AndReplyAnswersIt()
    {
        var opening = Post(1, "Amina", "Default options work.");
        var view = RenderThread(Page([opening]));

        view.FindAll("#post-1 .post__actions button").Single(b => b.TextContent == "Quote").Click();
        view.Find("#reply-body").Input(view.Find("#reply-body").GetAttribute("value") + "I agree.");
        view.Find(".thread__reply form").Submit();

        Assert.Equal($"reply:{opening.Id}:> **Amina** wrote (#1):\n>\n> Default options work.\n\nI agree.", Assert.Single(calls));
        Assert.Equal("Your reply is posted.", view.Find(".thread__status .alert").TextContent);
        Assert.Equal("", view.Find("#reply-body").GetAttribute("value"));
    }

    [Fact]
    public void Reply_Refused_ShowsTheReason_AndKeepsTheDraft()
    {
        var view = RenderThread(Page([Post(1, "Amina", "Opening.")]), Recording(calls, refuse: "This thread is locked: a moderator closed it to new replies and edits."));

        view.Find("#reply-body").Input("My careful answer");
        view.Find(".thread__reply form").Submit();

        Assert.Equal("This thread is locked: a moderator closed it to new replies and edits.", view.Find(".alert-danger[role=alert]").TextContent);
        Assert.Equal("My careful answer", view.Find("#reply-body").GetAttribute("value"));
    }

    [Fact]
    public void Prerendered_ReplyEditorTakesText_ForThePageToHandOver_WhilePostingWaitsForTheCircuit()
    {
        Renderer.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var view = RenderThread(Page([Post(1, "Amina", "Opening.")]));

        var editor = view.Find("#reply-body");
        Assert.False(editor.HasAttribute("disabled"));
        Assert.True(editor.HasAttribute("data-keep-typed"));
        var post = view.Find(".thread__reply button[type=submit]");
        Assert.True(post.HasAttribute("disabled"));
        Assert.Equal("reply-connecting", post.GetAttribute("aria-describedby"));
        Assert.Contains("you can write meanwhile", view.Find("#reply-connecting").TextContent);
    }

    [Fact]
    public void LiveReplyEditor_PostsAtOnce_AndSaysNothingAboutConnecting()
    {
        var view = RenderThread(Page([Post(1, "Amina", "Opening.")]));

        Assert.False(view.Find("#reply-body").HasAttribute("data-keep-typed"));
        Assert.False(view.Find(".thread__reply button[type=submit]").HasAttribute("disabled"));
        Assert.Empty(view.FindAll("#reply-connecting"));
    }

    [Fact]
    public void LockedThread_HasNoEditor_AndSaysWhy()
    {
        var view = RenderThread(Page([Post(1, "Amina", "Opening.", can: PostPermissions.None)], locked: true));

        Assert.Empty(view.FindAll("#reply-body"));
        Assert.Contains("This thread is locked", view.Find(".thread__reply").TextContent);
        Assert.Contains("Locked", view.Find(".thread__badges").TextContent);
    }

    [Fact]
    public void NonMember_IsInvitedToJoin_AndCannotReact()
    {
        var reactions = new List<ReactionView> { new(Reactions.Find("tada"), 1, ["Amina"], Mine: false) };
        var view = RenderThread(Page([Post(1, "Amina", "Opening.", can: PostPermissions.None, reactions: reactions)], participate: false));

        Assert.Contains("Only members of this group can reply.", view.Find(".thread__reply").TextContent);
        Assert.True(view.Find(".reaction").HasAttribute("disabled"));
        Assert.Empty(view.FindAll(".reactions__add"));
    }

    [Fact]
    public void Moderator_LocksAndPins_MembersSeeNeither()
    {
        var member = RenderThread(Page([Post(1, "Amina", "Opening.")]));
        Assert.DoesNotContain(member.FindAll(".thread__tools button"), b => b.TextContent is "Lock" or "Pin");

        var moderator = RenderThread(Page([Post(1, "Amina", "Opening.")], moderate: true));
        moderator.FindAll(".thread__tools button").Single(b => b.TextContent == "Lock").Click();
        moderator.FindAll(".thread__tools button").Single(b => b.TextContent == "Pin").Click();

        Assert.Equal(["lock:True", "pin:True"], calls);
        Assert.Equal("The thread is pinned.", moderator.Find(".thread__status .alert").TextContent);
    }

    [Fact]
    public void RemovedPosts_ShowWhatHappened_NotTheirText()
    {
        var deleted = Post(2, "Ben", "x", can: PostPermissions.None) with { State = PostState.DeletedByAuthor, Html = null, Markdown = null };
        var hidden = Post(3, "Cy", "x", can: PostPermissions.None) with { State = PostState.HiddenByModerator, Html = null, Markdown = null };

        var view = RenderThread(Page([Post(1, "Amina", "Opening."), deleted, hidden]));

        Assert.Equal("This post was deleted by its author.", view.Find("#post-2 .post__notice").TextContent);
        Assert.Contains("This post was hidden by a moderator.", view.Find("#post-3 .post__notice").TextContent);
        Assert.Empty(view.FindAll("#post-2 .post-body, #post-3 .post-body"));
    }

    [Fact]
    public void FirstUnread_IsMarked_AndANewPostFromALiveUpdateAppears()
    {
        var view = RenderThread(Page([Post(1, "Amina", "Opening."), Post(2, "Ben", "Second.")], firstUnread: 2));
        Assert.Equal("New since your last visit", view.Find("#post-2 .post-list__unread-marker").TextContent);

        view.Render(p => p.Add(c => c.Page, Page([Post(1, "Amina", "Opening."), Post(2, "Ben", "Second."), Post(3, "Cy", "Live one.")])));

        Assert.Equal("Live one.", view.Find("#post-3 .post-body").TextContent);
    }

    [Fact]
    public void Flag_AsksWhy_ThenReportsToModerators()
    {
        var view = RenderThread(Page([Post(1, "Amina", "Opening.")]));

        view.FindAll("#post-1 .post__actions button").Single(b => b.TextContent == "Flag").Click();
        view.Find("#flag-1-Spam").Change(true);
        view.Find("#flag-1-details").Change("Advert");
        view.FindAll(".flag-form button").Single(b => b.TextContent == "Flag for moderators").Click();

        Assert.Equal(["flag:Spam:Advert"], calls);
        Assert.Contains("moderators will review the post", view.Find(".thread__status .alert").TextContent);
    }

    [Fact]
    public void Edit_OpeningPost_OffersTheTitle_AndSavesBoth()
    {
        var own = Post(1, "Viewer", "Old words", can: MemberCan with { Edit = true });
        var view = RenderThread(Page([own]));

        view.FindAll("#post-1 .post__actions button").Single(b => b.TextContent == "Edit").Click();
        view.Find("#edit-title").Change("Better title");
        view.Find("#edit-1").Input("New words");
        view.Find(".post-edit").Submit();

        Assert.Equal(["edit:1:New words:Better title"], calls);
        Assert.Empty(view.FindAll(".post-edit"));
    }
}
