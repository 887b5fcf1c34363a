using CollabHub.Web.Features.Discussions;

namespace CollabHub.UnitTests.Discussions;

public sealed class FlagRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);

    private static DiscussionPost PostBy(string author)
    {
        var (thread, _) = DiscussionThread.Start(Guid.NewGuid(), "amina", "Title", ThreadRulesTests.Content(), Now);
        return thread.Reply(author, ThreadRulesTests.Content("buy cheap watches"), null, Now);
    }

    [Fact]
    public void Raise_OnSomeoneElsesPost_IsOpen()
    {
        var flag = DiscussionFlag.Raise(PostBy("spammer"), "ben", FlagReason.Spam, "  adverts  ", Now);

        Assert.Equal((FlagStatus.Open, "adverts", "ben"), (flag.Status, flag.Details, flag.FlaggerId));
    }

    [Fact]
    public void Raise_OnOwnPost_IsRefused()
    {
        Assert.Throws<DiscussionException>(() => DiscussionFlag.Raise(PostBy("ben"), "ben", FlagReason.Spam, null, Now));
    }

    [Fact]
    public void Raise_Other_WithoutDetails_IsRefused()
    {
        var refused = Assert.Throws<DiscussionException>(() => DiscussionFlag.Raise(PostBy("x"), "ben", FlagReason.Other, " ", Now));

        Assert.Equal("Tell the moderators what is wrong with this post.", refused.Message);
    }

    [Fact]
    public void Raise_OnRemovedPost_IsRefused()
    {
        var post = PostBy("x");
        post.Hide("moderator", null, Now);

        Assert.Throws<DiscussionException>(() => DiscussionFlag.Raise(post, "ben", FlagReason.Spam, null, Now));
    }

    [Fact]
    public void Raise_UnknownReason_IsRefused()
    {
        Assert.Throws<DiscussionException>(() => DiscussionFlag.Raise(PostBy("x"), "ben", (FlagReason)42, null, Now));
    }

    [Fact]
    public void Decide_Twice_IsRefused_FirstOutcomeStays()
    {
        var flag = DiscussionFlag.Raise(PostBy("x"), "ben", FlagReason.Abusive, null, Now);

        flag.Uphold("moderator", Now);

        Assert.Throws<DiscussionException>(() => flag.Dismiss("other moderator", Now));
        Assert.Equal((FlagStatus.Upheld, "moderator"), (flag.Status, flag.DecidedById));
    }

    [Theory]
    [InlineData(FlagStatus.Upheld, "was hidden", "agreed with you and hid the post")]
    [InlineData(FlagStatus.Dismissed, "was reviewed", "decided to keep it")]
    public void OutcomeMail_TellsTheFlaggerTheDecision(FlagStatus outcome, string subject, string verdict)
    {
        var mail = FlagOutcomeMail.Compose(outcome, FlagReason.Spam, "UN Behavioural Science Group", "Nudges", new Uri("https://hub.test/x"));

        Assert.Contains(subject, mail.Subject);
        Assert.Contains(mail.Paragraphs, p => p.Contains(verdict, StringComparison.Ordinal));
        Assert.Contains(mail.Paragraphs, p => p.Contains("“Nudges”", StringComparison.Ordinal) && p.Contains("as spam", StringComparison.Ordinal));
    }
}
