using CollabHub.TestSupport;
using CollabHub.Web.Infrastructure.Markdown;

namespace CollabHub.UnitTests.Markdown;

/// <summary>No executable markup survives, whether it comes in as Markdown or as HTML straight to the sanitizer.</summary>
public sealed class MarkdownSafetyTests
{
    private static readonly MarkdownRenderer Renderer = new();

    public static TheoryData<string> Vectors => new(XssVectors.All);

    [Fact]
    public void Corpus_HasAtLeast150Vectors() => Assert.True(XssVectors.All.Distinct().Count() >= 150);

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Render_HostileMarkdown_LeavesNoExecutableMarkup(string vector)
    {
        var html = Renderer.Render(vector);

        AssertSafe(html);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Sanitize_HostileHtml_LeavesNoExecutableMarkup(string vector)
    {
        var html = Renderer.Sanitize(vector);

        AssertSafe(html);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Sanitize_AppliedTwice_ChangesNothing(string vector)
    {
        var once = Renderer.Render(vector);
        var raw = Renderer.Sanitize(vector);

        Assert.Equal(once, Renderer.Sanitize(once));
        Assert.Equal(raw, Renderer.Sanitize(raw));
    }

    private static void AssertSafe(string html) => MarkupSafety.AssertSafe(html);
}
