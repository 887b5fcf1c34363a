using Bunit;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Features.Discussions;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.ComponentTests.Chat;

public sealed class ChatMessageItemTests : BunitContext
{
    private static readonly DateTimeOffset LateEvening = new(2026, 3, 1, 23, 30, 0, TimeSpan.Zero);

    public ChatMessageItemTests()
    {
        Services.AddLocalization();
        Services.AddSingleton<PostMarkup>();
    }

    [Fact]
    public void Render_LightMarkdown_IsFormattedAndSanitized()
    {
        var item = Render<ChatMessageItem>(p => p
            .Add(x => x.Message, Message("**bold** *it* `code` [site](https://un.org) <script>alert(1)</script>"))
            .Add(x => x.ShowHeader, true));

        Assert.Equal("bold", item.Find(".chat-message__body strong").TextContent);
        Assert.Equal("code", item.Find(".chat-message__body code").TextContent);
        Assert.Contains("nofollow", item.Find(".chat-message__body a").GetAttribute("rel"), StringComparison.Ordinal);
        Assert.Empty(item.FindAll("script"));
        Assert.Equal("Amina", item.Find(".chat-message__head strong").TextContent);
    }

    [Fact]
    public void Render_MentionOfAReader_LinksToTheirProfile_OtherNamesStayText()
    {
        var item = Render<ChatMessageItem>(p => p
            .Add(x => x.Message, Message("Thanks @**Ben Okafor** and @**Nobody Here**"))
            .Add(x => x.Mentionable, [new("u2", "Ben Okafor")]));

        var link = item.Find(".chat-message__body a");
        Assert.Equal("@Ben Okafor", link.TextContent);
        Assert.Equal("members/u2", link.GetAttribute("href"));
        Assert.Contains("@Nobody Here", item.Find(".chat-message__body").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_InTheViewersTimeZone_ShowsLocalTimeAndDay()
    {
        var zurich = TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich");

        var item = Render<ChatMessageItem>(p => p
            .Add(x => x.Message, Message("Hello"))
            .Add(x => x.ShowHeader, true)
            .Add(x => x.TimeZone, zurich)
            .Add(x => x.DaySeparator, "Monday 2 March 2026"));

        Assert.Equal("00:30", item.Find("time").TextContent);
        Assert.Equal("Monday 2 March 2026", item.Find(".chat-day").TextContent);
    }

    [Fact]
    public void Render_DeletedMessage_ShowsTombstoneWithoutActions()
    {
        var item = Render<ChatMessageItem>(p => p
            .Add(x => x.Message, Message("") with { IsDeleted = true })
            .Add(x => x.CanDelete, true));

        Assert.Equal("This message was deleted.", item.Find(".chat-message__deleted").TextContent);
        Assert.Empty(item.FindAll("button"));
    }

    [Fact]
    public void Delete_Clicked_ReportsTheMessage()
    {
        ChatMessageView? deleted = null;
        var message = Message("Oops");
        var item = Render<ChatMessageItem>(p => p
            .Add(x => x.Message, message)
            .Add(x => x.CanEdit, true)
            .Add(x => x.CanDelete, true)
            .Add(x => x.OnDelete, m => deleted = m));

        item.FindAll("button").Single(b => b.TextContent == "Delete").Click();

        Assert.Same(message, deleted);
    }

    [Fact]
    public void SameMessageAgain_DoesNotReRender()
    {
        var message = Message("Stable");
        var item = Render<ChatMessageItem>(p => p.Add(x => x.Message, message));

        item.Render(p => p.Add(x => x.Message, message));
        item.Render(p => p.Add(x => x.Message, message with { Body = "Edited" }));

        Assert.Equal(2, item.RenderCount);
        Assert.Contains("Edited", item.Find(".chat-message__body").TextContent, StringComparison.Ordinal);
    }

    private static ChatMessageView Message(string body) =>
        new(Guid.NewGuid(), 1, Guid.NewGuid(), Guid.NewGuid(), "u1", "Amina", body, LateEvening, null, false);
}
