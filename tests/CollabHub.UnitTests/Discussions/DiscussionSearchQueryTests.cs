using CollabHub.Web.Features.Discussions;

namespace CollabHub.UnitTests.Discussions;

public sealed class DiscussionSearchQueryTests
{
    [Theory]
    [InlineData("Nudge trials", "nudge:* & trials:*")]
    [InlineData("Évaluation, d'impact!", "évaluation:* & d:* & impact:*")]
    [InlineData("a & b | !c:* <-> 'd'", "a:* & b:* & c:* & d:*")]
    [InlineData("nudge NUDGE", "nudge:*")]
    public void Build_KeepsOnlyWords_AsPrefixes(string input, string expected) =>
        Assert.Equal(expected, DiscussionSearchQuery.Build(input));

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("&|!:*()")]
    public void Build_NoWords_IsNull(string? input) => Assert.Null(DiscussionSearchQuery.Build(input));

    [Fact]
    public void Build_ManyWords_KeepsTheFirstEight()
    {
        var query = DiscussionSearchQuery.Build(string.Join(' ', Enumerable.Range(1, 20).Select(i => $"w{i}")))!;

        Assert.Equal(DiscussionSearchQuery.MaxWords, query.Split(" & ").Length);
    }

    [Fact]
    public void Highlight_EncodesTheText_AndMarksOnlyTheMatches()
    {
        var html = SearchHighlight.ToHtml($"<script>x</script> {SearchHighlight.Start}nudge{SearchHighlight.Stop} & more", new PostMarkup());

        Assert.Equal("&lt;script&gt;x&lt;/script&gt; <mark>nudge</mark> &amp; more", html);
    }
}
