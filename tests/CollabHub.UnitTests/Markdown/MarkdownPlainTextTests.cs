using CollabHub.Web.Features.Discussions;
using CollabHub.Web.Infrastructure.Markdown;

namespace CollabHub.UnitTests.Markdown;

/// <summary>Markdown shown where no markup is (notification excerpts, e-mails, search snippets) reads as its text.</summary>
public sealed class MarkdownPlainTextTests
{
    private static readonly MarkdownRenderer Renderer = new();

    [Theory]
    [InlineData("We need **civic space indicators** that _compare_ across years.", "We need civic space indicators that compare across years.")]
    [InlineData("## Findings\n\nUptake rose by a *third*.", "Findings Uptake rose by a third.")]
    [InlineData("See [the brief](https://example.org/brief) and https://un.org.", "See the brief and https://un.org.")]
    [InlineData("Steps:\n\n- first\n- second\n\n1. one\n2. two", "Steps: first second one two")]
    [InlineData("> Quoted advice\n\nMy answer", "Quoted advice My answer")]
    [InlineData("Use `x < y` here.", "Use x < y here.")]
    [InlineData("Costs 5 * 3 and a_b_c, 2 < 3 & 4 > 1", "Costs 5 * 3 and a_b_c, 2 < 3 & 4 > 1")]
    [InlineData("<b>raw</b> stays as typed", "<b>raw</b> stays as typed")]
    [InlineData("   ", "")]
    public void ToPlainText_ReadsAsTheRenderedText(string markdown, string expected) =>
        Assert.Equal(expected, Renderer.ToPlainText(markdown));

    [Fact]
    public void ToPlainText_Table_KeepsItsCellsWithoutMarkup()
    {
        var text = Renderer.ToPlainText("| Agency | Staff |\n|:--|--:|\n| UNDP | 22000 |");

        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.DoesNotContain("|", text, StringComparison.Ordinal);
        Assert.Contains("UNDP", text, StringComparison.Ordinal);
        Assert.Contains("22000", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Posts_ToPlainText_ShowsAMentionAsTheName_WithoutItsId()
    {
        var text = new PostMarkup().ToPlainText("Thanks @**Kenji Watanabe|0f8fad5b-d9cb-469f-a165-70867728950e**, and @**Amina Diallo**!");

        Assert.Equal("Thanks @Kenji Watanabe, and @Amina Diallo!", text);
    }
}
