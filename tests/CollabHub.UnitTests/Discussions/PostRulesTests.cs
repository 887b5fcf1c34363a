using CollabHub.Web.Features.Discussions;

namespace CollabHub.UnitTests.Discussions;

public sealed class PostRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);

    private static DiscussionPost NewReply(string author = "ben")
    {
        var (thread, _) = DiscussionThread.Start(Guid.NewGuid(), "amina", "Title", ThreadRulesTests.Content(), Now);
        return thread.Reply(author, ThreadRulesTests.Content("first words"), null, Now);
    }

    [Fact]
    public void Edit_ByAuthor_KeepsThePreviousVersionAndCountsUp()
    {
        var post = NewReply();

        var revision = post.Edit("ben", ThreadRulesTests.Content("second words"), Now.AddMinutes(5));

        Assert.Equal(("second words", 2, Now.AddMinutes(5)), (post.Body, post.Version, post.EditedAt!.Value));
        Assert.Equal((1, "first words", "<p>first words</p>", Now, Now.AddMinutes(5)),
            (revision.Version, revision.Body, revision.BodyHtml, revision.WrittenAt, revision.ReplacedAt));
    }

    [Fact]
    public void Edit_SecondTime_RecordsWhenTheReplacedVersionWasWritten()
    {
        var post = NewReply();
        post.Edit("ben", ThreadRulesTests.Content("second"), Now.AddMinutes(5));

        var revision = post.Edit("ben", ThreadRulesTests.Content("third"), Now.AddMinutes(9));

        Assert.Equal((2, Now.AddMinutes(5)), (revision.Version, revision.WrittenAt));
        Assert.Equal(3, post.Version);
    }

    [Fact]
    public void Edit_BySomeoneElse_IsRefused()
    {
        var post = NewReply();

        Assert.Equal("Only its author can edit a post.", Assert.Throws<DiscussionException>(() => post.Edit("mallory", ThreadRulesTests.Content("x"), Now)).Message);
        Assert.Equal(1, post.Version);
    }

    [Fact]
    public void Edit_WithoutChange_IsRefused()
    {
        var post = NewReply();

        Assert.Throws<DiscussionException>(() => post.Edit("ben", ThreadRulesTests.Content("first words"), Now));
    }

    [Fact]
    public void Edit_RemovedPost_IsRefused()
    {
        var post = NewReply();
        post.SoftDelete("ben", Now);

        Assert.Throws<DiscussionException>(() => post.Edit("ben", ThreadRulesTests.Content("back"), Now));
    }

    [Fact]
    public void SoftDelete_ByAuthor_KeepsTheRow_Twice_IsRefused()
    {
        var post = NewReply();

        post.SoftDelete("ben", Now);

        Assert.True(post.IsDeleted);
        Assert.Equal("first words", post.Body);
        Assert.Equal("This post was deleted by its author.", Assert.Throws<DiscussionException>(() => post.SoftDelete("ben", Now)).Message);
    }

    [Fact]
    public void SoftDelete_BySomeoneElse_IsRefused()
    {
        var post = NewReply();

        Assert.Throws<DiscussionException>(() => post.SoftDelete("mallory", Now));
        Assert.False(post.IsDeleted);
    }

    [Fact]
    public void Hide_RecordsModeratorAndReason_Twice_IsRefused()
    {
        var post = NewReply();

        post.Hide("moderator", "  Personal attack.  ", Now);

        Assert.Equal(("moderator", "Personal attack."), (post.HiddenById, post.HiddenReason));
        Assert.True(post.IsRemoved);
        Assert.Throws<DiscussionException>(() => post.Hide("moderator", null, Now));
    }

    [Fact]
    public void Hide_ReasonTooLong_IsRefused()
    {
        var post = NewReply();

        Assert.Throws<DiscussionException>(() => post.Hide("moderator", new string('r', DiscussionRules.HideReasonMaxLength + 1), Now));
        Assert.False(post.IsHidden);
    }

    [Fact]
    public void ThreadRead_Advance_OnlyMovesForward()
    {
        var read = new DiscussionThreadRead(Guid.NewGuid(), "ben");

        Assert.True(read.Advance(20, Now));
        Assert.False(read.Advance(5, Now));
        Assert.Equal(20, read.LastReadNumber);
    }

    [Fact]
    public void Reactions_Find_UnknownCode_IsRefused()
    {
        Assert.Equal("👍", Reactions.Find("thumbs_up").Emoji);
        Assert.Throws<DiscussionException>(() => Reactions.Find("skull"));
    }
}
