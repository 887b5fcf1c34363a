using CollabHub.Web.Features.Chat;

namespace CollabHub.UnitTests.Chat;

public sealed class ChatMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData(null)]
    public void ValidBody_Empty_IsRefused(string? body) =>
        Assert.Throws<ChatRefusedException>(() => ChatMessage.ValidBody(body));

    [Fact]
    public void ValidBody_OverTheLimit_IsRefusedWithTheLimit()
    {
        var refused = Assert.Throws<ChatRefusedException>(() => ChatMessage.ValidBody(new string('x', ChatMessage.BodyMaxLength + 1)));

        Assert.Contains("at most 4,000 characters", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ChatMessage.BodyMaxLength, ChatMessage.ValidBody(new string('x', ChatMessage.BodyMaxLength)).Length);
    }

    [Fact]
    public void Edit_BySomeoneElse_IsRefusedAndChangesNothing()
    {
        var message = new ChatMessage { AuthorId = "author", Body = "Original" };

        Assert.Throws<ChatRefusedException>(() => message.Edit("other", "Changed", Now));

        Assert.Equal("Original", message.Body);
        Assert.Null(message.EditedAt);
    }

    [Fact]
    public void Edit_ByTheAuthor_ChangesBodyAndMarksEdited()
    {
        var message = new ChatMessage { AuthorId = "author", Body = "Frist" };

        message.Edit("author", " First ", Now);

        Assert.Equal("First", message.Body);
        Assert.Equal(Now, message.EditedAt);
    }

    [Fact]
    public void Delete_BySomeoneElseWhoDoesNotModerate_IsRefused()
    {
        var message = new ChatMessage { AuthorId = "author", Body = "Mine" };

        Assert.Throws<ChatRefusedException>(() => message.Delete("other", actorModerates: false, Now));
        Assert.False(message.IsDeleted);
    }

    [Fact]
    public void Delete_ByAModerator_LeavesATombstone()
    {
        var message = new ChatMessage { AuthorId = "author", Body = "Rude" };

        message.Delete("moderator", actorModerates: true, Now);

        Assert.True(message.IsDeleted);
        Assert.Equal("", message.Body);
        Assert.Equal("moderator", message.DeletedById);
        Assert.Throws<ChatRefusedException>(() => message.Edit("author", "Again", Now));
    }

    [Fact]
    public void Pair_IsTheSameWhicheverSideStarts_AndNeedsTwoPeople()
    {
        Assert.Equal(ChatChannel.Pair("b", "a"), ChatChannel.Pair("a", "b"));
        Assert.Equal(("a", "b"), ChatChannel.Pair("b", "a"));
        Assert.Throws<ChatRefusedException>(() => ChatChannel.Pair("a", "a"));
    }
}
