using CollabHub.Web.Features.Discussions;

namespace CollabHub.UnitTests.Discussions;

public sealed class ThreadRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid GroupId = Guid.NewGuid();

    internal static PostContent Content(string markdown = "Hello") => new(markdown, $"<p>{markdown}</p>", []);

    [Fact]
    public void Start_CreatesOpeningPostNumberOne_WithTheBody()
    {
        var (thread, opening) = DiscussionThread.Start(GroupId, "amina", "  Field trials  ", Content("Body"), Now);

        Assert.Equal("Field trials", thread.Title);
        Assert.Equal(1, thread.PostCount);
        Assert.Equal(1, opening.Number);
        Assert.Equal(thread.Id, opening.ThreadId);
        Assert.Equal("Body", opening.Body);
        Assert.Equal(1, opening.Version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Start_BlankTitle_IsRefused(string? title)
    {
        var refused = Assert.Throws<DiscussionException>(() => DiscussionThread.Start(GroupId, "amina", title!, Content(), Now));

        Assert.Equal("Give the thread a title.", refused.Message);
    }

    [Fact]
    public void Start_TitleOverTheLimit_IsRefusedWithTheLimit()
    {
        var refused = Assert.Throws<DiscussionException>(() =>
            DiscussionThread.Start(GroupId, "amina", new string('t', DiscussionRules.TitleMaxLength + 1), Content(), Now));

        Assert.Contains($"{DiscussionRules.TitleMaxLength} characters", refused.Message);
    }

    [Fact]
    public void Reply_NumbersPostsInOrder_AndMovesLastActivity()
    {
        var (thread, opening) = DiscussionThread.Start(GroupId, "amina", "Title", Content(), Now);

        var first = thread.Reply("ben", Content("one"), opening, Now.AddMinutes(1));
        var second = thread.Reply("amina", Content("two"), null, Now.AddMinutes(2));

        Assert.Equal([2, 3], [first.Number, second.Number]);
        Assert.Equal(opening.Id, first.ReplyToPostId);
        Assert.Equal(3, thread.PostCount);
        Assert.Equal(Now.AddMinutes(2), thread.LastActivityAt);
    }

    [Fact]
    public void Reply_InLockedThread_IsRefusedAndCountsNothing()
    {
        var (thread, _) = DiscussionThread.Start(GroupId, "amina", "Title", Content(), Now);
        thread.Lock(Now);

        var refused = Assert.Throws<DiscussionException>(() => thread.Reply("ben", Content(), null, Now));

        Assert.Contains("locked", refused.Message);
        Assert.Equal(1, thread.PostCount);
    }

    [Fact]
    public void Reply_InRemovedThread_IsRefused()
    {
        var (thread, _) = DiscussionThread.Start(GroupId, "amina", "Title", Content(), Now);
        thread.Remove(Now);

        Assert.Throws<DiscussionException>(() => thread.Reply("ben", Content(), null, Now));
    }

    [Fact]
    public void Reply_ToAPostOfAnotherThread_IsRefused()
    {
        var (thread, _) = DiscussionThread.Start(GroupId, "amina", "Title", Content(), Now);
        var (_, elsewhere) = DiscussionThread.Start(GroupId, "amina", "Other", Content(), Now);

        Assert.Throws<DiscussionException>(() => thread.Reply("ben", Content(), elsewhere, Now));
    }

    [Fact]
    public void Lock_Twice_IsRefused_AndUnlockReopens()
    {
        var (thread, _) = DiscussionThread.Start(GroupId, "amina", "Title", Content(), Now);
        thread.Lock(Now);

        Assert.Throws<DiscussionException>(() => thread.Lock(Now));
        thread.Unlock();
        Assert.False(thread.IsLocked);
        Assert.Throws<DiscussionException>(thread.Unlock);
    }

    [Fact]
    public void Pin_Twice_IsRefused_AndUnpinClears()
    {
        var (thread, _) = DiscussionThread.Start(GroupId, "amina", "Title", Content(), Now);
        thread.Pin(Now);

        Assert.True(thread.IsPinned);
        Assert.Throws<DiscussionException>(() => thread.Pin(Now));
        thread.Unpin();
        Assert.False(thread.IsPinned);
        Assert.Throws<DiscussionException>(thread.Unpin);
    }

    [Fact]
    public void Rename_InLockedThread_IsRefused()
    {
        var (thread, _) = DiscussionThread.Start(GroupId, "amina", "Title", Content(), Now);
        thread.Lock(Now);

        Assert.Throws<DiscussionException>(() => thread.Rename("New title"));
        Assert.Equal("Title", thread.Title);
    }

    [Fact]
    public void Body_BlankOrOversized_IsRefused_TrailingSpaceTrimmed()
    {
        Assert.Equal("Write something before posting.", Assert.Throws<DiscussionException>(() => DiscussionRules.Body(" \n\t ")).Message);
        var tooLong = Assert.Throws<DiscussionException>(() => DiscussionRules.Body(new string('x', DiscussionRules.BodyMaxLength + 1)));
        Assert.Contains($"{DiscussionRules.BodyMaxLength} characters", tooLong.Message);
        Assert.Equal("text", DiscussionRules.Body("text \r\n\r\n"));
    }

    [Fact]
    public void ThreadPage_PageOf_PutsTwentyPostsOnAPage()
    {
        Assert.Equal(1, ThreadPage.PageOf(1));
        Assert.Equal(1, ThreadPage.PageOf(DiscussionRules.PostsPerPage));
        Assert.Equal(2, ThreadPage.PageOf(DiscussionRules.PostsPerPage + 1));
        Assert.Equal(1, ThreadPage.PageOf(0));
    }
}
