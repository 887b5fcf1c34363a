using CollabHub.Web.Infrastructure.Web;

namespace CollabHub.UnitTests.Foundation;

public sealed class SharedTextTests
{
    [Fact]
    public void TextBuiltTwice_IsHandedBackAsTheFirstCopy_AndOtherTextAsItself()
    {
        using var shared = new SharedText();
        var first = string.Concat("<li>", "Amina", " online</li>");
        var second = string.Concat("<li>", "Amina", " online</li>");
        var other = string.Concat("<li>", "Bao", " idle</li>");
        Assert.NotSame(first, second);

        Assert.Same(first, shared.Of(first));
        Assert.Same(first, shared.Of(second));
        Assert.Same(other, shared.Of(other));
        Assert.Equal("<li>Bao idle</li>", shared.Of(string.Concat("<li>", "Bao", " idle</li>")));
    }
}
