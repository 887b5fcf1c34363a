using AngleSharp.Html.Parser;
using CollabHub.Web.Features.Discussions;
using CollabHub.Web.Features.Discussions.Components;
using CollabHub.Web.Features.Discussions.Mentions;

namespace CollabHub.UnitTests.Discussions;

public sealed class MentionTests
{
    private static readonly PostMarkup Markup = new();
    private static readonly MentionedMember Amina = new("u-amina", "Amina Diallo");
    private static readonly MentionedMember Li = new("u-li", "Li Wei");
    private static readonly MentionedMember OtherLi = new("u-li-2", "li wei");

    [Fact]
    public void Parse_FindsNamesAndIds_NotAddressesOrCode()
    {
        var draft = Markup.Parse("Hi @**Amina Diallo** and @**Li Wei|u-li-2**! Mail bob@**x**.org, `@**Not In Code**`\n\n    @**Nor here**");

        Assert.Equal([("Amina Diallo", null), ("Li Wei", "u-li-2")], draft.Mentions.Select(m => (m.Name, m.UserId)));
    }

    [Fact]
    public void Parse_UnclosedOrEmpty_IsPlainText()
    {
        Assert.Empty(Markup.Parse("@**Amina and @**** and @** **").Mentions);
    }

    [Fact]
    public void Resolve_ByNameIgnoringCase_LinksToTheProfile()
    {
        var draft = Markup.Parse("Thanks @**amina diallo**");

        var problems = MentionResolver.Resolve(draft.Mentions, [Amina]);

        Assert.Empty(problems);
        Assert.Equal(["u-amina"], draft.MentionedUserIds);
        var link = new HtmlParser().ParseDocument(Markup.Render(draft)).QuerySelector("a")!;
        Assert.Equal(("members/u-amina", "@Amina Diallo", "nofollow ugc noopener"), (link.GetAttribute("href"), link.TextContent, link.GetAttribute("rel")));
    }

    [Fact]
    public void Resolve_NonMember_IsAProblem_AndStaysText()
    {
        var draft = Markup.Parse("Ask @**Mallory**");

        var problems = MentionResolver.Resolve(draft.Mentions, [Amina]);

        Assert.Equal(["@Mallory is not a member of this group, so they can't be mentioned here."], problems);
        Assert.Empty(draft.MentionedUserIds);
        Assert.Equal("<p>Ask @Mallory</p>", Markup.Render(draft).Trim());
    }

    [Fact]
    public void Resolve_SharedName_NeedsTheId()
    {
        var ambiguous = Markup.Parse("@**Li Wei**");
        var precise = Markup.Parse("@**Li Wei|u-li-2**");

        Assert.Contains("Several members", Assert.Single(MentionResolver.Resolve(ambiguous.Mentions, [Li, OtherLi])));
        Assert.Empty(MentionResolver.Resolve(precise.Mentions, [Li, OtherLi]));
        Assert.Equal(["u-li-2"], precise.MentionedUserIds);
    }

    [Fact]
    public void Resolve_UnknownId_IsAProblem()
    {
        var draft = Markup.Parse("@**Amina Diallo|u-gone**");

        Assert.Single(MentionResolver.Resolve(draft.Mentions, [Amina]));
    }

    [Fact]
    public void Resolve_TooManyMembers_IsAProblem()
    {
        var members = Enumerable.Range(1, DiscussionRules.MaxMentionsPerPost + 1).Select(i => new MentionedMember($"u{i}", $"Member {i}")).ToList();
        var draft = Markup.Parse(string.Join(" ", members.Select(m => $"@**{m.DisplayName}**")));

        Assert.Contains($"at most {DiscussionRules.MaxMentionsPerPost}", Assert.Single(MentionResolver.Resolve(draft.Mentions, members)));
    }

    [Fact]
    public void Render_HostileDisplayName_IsEncoded()
    {
        var draft = Markup.Parse("@**x**");
        MentionResolver.Resolve(draft.Mentions, [new MentionedMember("u\"><script>", "x")]);
        draft.Mentions[0].Member = new MentionedMember("u\"><script>", "<img src=x onerror=alert(1)>");

        var html = Markup.Render(draft);

        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("&lt;img", html);
    }

    [Fact]
    public void Token_AddsTheIdOnlyWhenTheNameIsShared()
    {
        Assert.Equal("@**Amina Diallo**", MentionResolver.Token(Amina, nameIsShared: false));
        Assert.Equal("@**Li Wei|u-li**", MentionResolver.Token(Li, nameIsShared: true));
    }

    [Theory]
    [InlineData("Hello @Am", "Am")]
    [InlineData("@Amina Di", "Amina Di")]
    [InlineData("line\n@li", "li")]
    [InlineData("mail bob@un", null)]
    [InlineData("@Amina Diallo said", null)]
    [InlineData("@**Amina Diallo** ", null)]
    public void TrailingMention_FollowsTheEndOfTheText(string text, string? prefix) =>
        Assert.Equal(prefix, PostEditor.TrailingMention(text));
}
