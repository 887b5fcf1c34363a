using CollabHub.Web.Infrastructure.Text;

namespace CollabHub.UnitTests.Foundation;

/// <summary>A title that ends a sentence gets one full stop, never a second mark after its own.</summary>
public sealed class PlainTextSentenceTests
{
    [Theory]
    [InlineData("Amina replied in Budget 2027", "Amina replied in Budget 2027.")]
    [InlineData("Amina replied in Which sources do you rely on?", "Amina replied in Which sources do you rely on?")]
    [InlineData("Amina replied in Act now!", "Amina replied in Act now!")]
    [InlineData("Amina replied in Notes from Geneva.", "Amina replied in Notes from Geneva.")]
    [InlineData("Amina replied in “Why wait?”", "Amina replied in “Why wait?”")]
    [InlineData("Amina replied in “Plans”", "Amina replied in “Plans”.")]
    [InlineData("Amina replied in To be continued… ", "Amina replied in To be continued…")]
    public void Sentence_EndsOnce(string text, string expected) => Assert.Equal(expected, PlainText.Sentence(text));
}
