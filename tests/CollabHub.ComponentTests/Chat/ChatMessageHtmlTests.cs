using Bunit;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Features.Discussions;
using CollabHub.Web.Features.Discussions.Mentions;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.ComponentTests.Chat;

public sealed class ChatMessageHtmlTests : BunitContext
{
    private static readonly DateTimeOffset LateEvening = new(2026, 3, 1, 23, 30, 0, TimeSpan.Zero);

    public ChatMessageHtmlTests()
    {
        Services.AddLocalization();
        Services.AddSingleton<PostMarkup>();
    }

    [Fact]
    public void For_LightMarkdown_IsFormattedAndSanitized()
    {
        var item = Show(Message("**bold** *it* `code` [site](https://un.org) <script>alert(1)</script>"), header: true);

        Assert.Equal("bold", item.Find(".chat-message__body strong").TextContent);
        Assert.Equal("code", item.Find(".chat-message__body code").TextContent);
        Assert.Contains("nofollow", item.Find(".chat-message__body a").GetAttribute("rel"), StringComparison.Ordinal);
        Assert.Empty(item.FindAll("script"));
        Assert.Equal("Amina", item.Find(".chat-message__head strong").TextContent);
    }

    [Fact]
    public void For_AuthorNameWithMarkup_IsText()
    {
        var item = Show(Message("Hi") with { AuthorName = "<b>Amina</b>" }, header: true);

        Assert.Equal("<b>Amina</b>", item.Find(".chat-message__head strong").TextContent);
        Assert.Empty(item.FindAll(".chat-message__head b"));
    }

    [Fact]
    public void For_MentionOfAReader_LinksToTheirProfile_OtherNamesStayText()
    {
        var item = Show(Message("Thanks @**Ben Okafor** and @**Nobody Here**"), mentionable: [new("u2", "Ben Okafor")]);

        var link = item.Find(".chat-message__body a");
        Assert.Equal("@Ben Okafor", link.TextContent);
        Assert.Equal("members/u2", link.GetAttribute("href"));
        Assert.Contains("@Nobody Here", item.Find(".chat-message__body").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void For_InTheViewersTimeZone_ShowsLocalTime()
    {
        var item = Show(Message("Hello"), header: true, zone: TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich"));

        Assert.Equal("00:30", item.Find("time").TextContent);
        Assert.Equal("2026-03-01T23:30:00.0000000+00:00", item.Find("time").GetAttribute("datetime"));
    }

    [Fact]
    public void For_WithoutHeader_ShowsOnlyTheBody()
    {
        var item = Show(Message("Same minute"));

        Assert.Empty(item.FindAll(".chat-message__head"));
        Assert.Equal("Same minute", item.Find(".chat-message__body").TextContent.Trim());
    }

    [Fact]
    public void For_DeletedMessage_ShowsTombstone()
    {
        var item = Show(Message("Secret") with { IsDeleted = true });

        Assert.Equal("This message was deleted.", item.Find(".chat-message__deleted").TextContent);
        Assert.DoesNotContain("Secret", item.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void For_EditedMessage_SaysSo()
    {
        var item = Show(Message("Fixed") with { EditedAt = LateEvening.AddMinutes(1) });

        Assert.Equal("(edited)", item.Find(".chat-message__edited").TextContent);
    }

    [Fact]
    public void Cache_SameMessageForOtherViewers_FollowsEachOnesTimeZoneReadersAndEdits()
    {
        using var cache = new ChatMessageHtmlCache(Services.GetRequiredService<PostMarkup>());
        var message = Message("Thanks @**Ben Okafor**");
        IReadOnlyList<MentionedMember> readers = [new("u2", "Ben Okafor")];
        var zurich = TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich");

        var inZurich = cache.For(message, true, readers, ChatMessageHtmlCache.KeyOf(readers), zurich, "deleted", "edited");
        var inUtc = cache.For(message, true, readers, ChatMessageHtmlCache.KeyOf(readers), TimeZoneInfo.Utc, "deleted", "edited");
        var withoutBen = cache.For(message, true, [], ChatMessageHtmlCache.KeyOf([]), zurich, "deleted", "edited");
        var edited = cache.For(message with { Body = "Thanks all", EditedAt = LateEvening.AddMinutes(1) }, true, readers, ChatMessageHtmlCache.KeyOf(readers), zurich, "deleted", "edited");

        Assert.Same(inZurich, cache.For(message, true, readers, ChatMessageHtmlCache.KeyOf(readers), zurich, "deleted", "edited"));
        Assert.Contains(">00:30<", inZurich, StringComparison.Ordinal);
        Assert.Contains(">23:30<", inUtc, StringComparison.Ordinal);
        Assert.Contains("members/u2", inZurich, StringComparison.Ordinal);
        Assert.DoesNotContain("members/u2", withoutBen, StringComparison.Ordinal);
        Assert.Contains("Thanks all", edited, StringComparison.Ordinal);
    }

    [Fact]
    public void CacheItem_IsOneListItemPerShape_SharedByTheTabsThatShowItSo()
    {
        using var cache = new ChatMessageHtmlCache(Services.GetRequiredService<PostMarkup>());
        var message = Message("Thanks @**Ben Okafor**") with { Seq = 7 };
        IReadOnlyList<MentionedMember> readers = [new("u2", "Ben Okafor")];
        var key = ChatMessageHtmlCache.KeyOf(readers);

        var forOthers = cache.Item(message, true, false, null, null, readers, key, TimeZoneInfo.Utc, "deleted", "edited");
        var forBen = cache.Item(message, true, true, null, null, readers, key, TimeZoneInfo.Utc, "deleted", "edited");
        var item = Render(builder => builder.AddMarkupContent(0, forBen)).Find("li");

        Assert.Same(forOthers, cache.Item(message, true, false, null, null, readers, key, TimeZoneInfo.Utc, "deleted", "edited"));
        Assert.Equal("chat-message chat-message--first", Render(builder => builder.AddMarkupContent(0, forOthers)).Find("li").ClassName);
        Assert.Equal("chat-message chat-message--first chat-message--mention", item.ClassName);
        Assert.Equal("7", item.GetAttribute("data-seq"));
        Assert.Equal("members/u2", item.QuerySelector(".chat-message__body a")!.GetAttribute("href"));
        Assert.Empty(item.QuerySelectorAll("button"));
    }

    [Fact]
    public void CacheItem_ForAViewerWhoMayEditAndDelete_HasTheirButtons()
    {
        using var cache = new ChatMessageHtmlCache(Services.GetRequiredService<PostMarkup>());
        var message = Message("Mine");

        var own = Render(builder => builder.AddMarkupContent(0, cache.Item(message, false, false, "Edit", "Delete", [], 0, TimeZoneInfo.Utc, "deleted", "edited")));
        var moderated = Render(builder => builder.AddMarkupContent(0, cache.Item(message, false, false, null, "Delete", [], 0, TimeZoneInfo.Utc, "deleted", "edited")));

        Assert.Equal(["edit", "delete"], own.FindAll(".chat-message__actions button[type='button']").Select(b => b.GetAttribute("data-chat-action")));
        Assert.Equal(["Edit", "Delete"], own.FindAll("button").Select(b => b.TextContent));
        Assert.Equal(["Delete"], moderated.FindAll("button").Select(b => b.TextContent));
    }

    [Fact]
    public void CacheShared_SameMessageLoadedTwice_IsOneCopy_AChangedOneReplacesIt()
    {
        using var cache = new ChatMessageHtmlCache(Services.GetRequiredService<PostMarkup>());
        var message = Message("Hello");
        var first = cache.Shared(message);

        var again = cache.Shared(message with { Body = new string("Hello".ToCharArray()) });
        var edited = cache.Shared(message with { Body = "Hello all", EditedAt = LateEvening.AddMinutes(1) });

        Assert.Same(first, again);
        Assert.Equal("Hello all", edited.Body);
        Assert.Same(edited, cache.Shared(message with { Body = "Hello all", EditedAt = LateEvening.AddMinutes(1) }));
    }

    [Fact]
    public void CacheReaders_SameListLoadedTwice_IsOneCopy_WithItsMentionForms_AChangedListReplacesIt()
    {
        using var cache = new ChatMessageHtmlCache(Services.GetRequiredService<PostMarkup>());
        var channel = Guid.NewGuid();
        ChatMember[] Load(params string[] names) => [.. names.Select(n => new ChatMember(new string(("id-" + n).ToCharArray()), new string(n.ToCharArray())))];

        var first = cache.Readers(channel, Load("Amina", "Ben"));
        var again = cache.Readers(channel, Load("Amina", "Ben"));
        var elsewhere = cache.Readers(Guid.NewGuid(), Load("Amina", "Ben"));
        var joined = cache.Readers(channel, Load("Amina", "Ben", "Chloé"));

        Assert.Same(first, again);
        Assert.NotSame(first, elsewhere);
        Assert.Equal(["id-Amina", "id-Ben"], first.Mentionable.Select(m => m.UserId));
        Assert.Equal(ChatMessageHtmlCache.KeyOf(first.Mentionable), first.MentionableKey);
        Assert.Equal(["Amina", "Ben", "Chloé"], joined.Members.Select(m => m.DisplayName));
        Assert.NotEqual(first.MentionableKey, joined.MentionableKey);
        Assert.Same(joined, cache.Readers(channel, Load("Amina", "Ben", "Chloé")));
    }

    private IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> Show(
        ChatMessageView message, bool header = false, IReadOnlyList<MentionedMember>? mentionable = null, TimeZoneInfo? zone = null)
    {
        var html = ChatMessageHtml.For(
            Services.GetRequiredService<PostMarkup>(), message, header, mentionable ?? [], zone ?? TimeZoneInfo.Utc, "This message was deleted.", "(edited)");
        return Render(builder => builder.AddMarkupContent(0, html));
    }

    private static ChatMessageView Message(string body) =>
        new(Guid.NewGuid(), 1, Guid.NewGuid(), Guid.NewGuid(), "u1", "Amina", body, LateEvening, null, false);
}
