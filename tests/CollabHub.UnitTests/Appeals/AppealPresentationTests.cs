using System.Xml.Linq;
using CollabHub.Web.Features.Appeals;

namespace CollabHub.UnitTests.Appeals;

public sealed class AppealPresentationTests
{
    [Theory]
    [InlineData(0, 100, 0)]
    [InlineData(50, 200, 25)]
    [InlineData(500, 100, 100)]
    public void PercentOf_Goal_IsCappedAt100(int people, int goal, int percent) =>
        Assert.Equal(percent, new AppealCounts(0, 0, people).PercentOf(goal));

    [Fact]
    public void PercentOf_NoGoal_IsZero() => Assert.Equal(0, new AppealCounts(1, 2, 3).PercentOf(null));

    [Fact]
    public void CountsLine_GroupsThousands() =>
        Assert.Equal("183 Member States · 1,204 organisations · 58,310 people", AppealExports.CountsLine(new AppealCounts(183, 1204, 58310)));

    [Fact]
    public void Card_HostileTitle_StaysText()
    {
        const string Hostile = "</text><script>alert(1)</script> & \"quotes\"";

        var svg = AppealExports.Card(Hostile, "<b>Issuer</b>", new AppealCounts(1, 2, 3));

        var document = XDocument.Parse(svg);
        Assert.DoesNotContain(document.Descendants(), e => e.Name.LocalName == "script");
        Assert.Equal(Hostile, document.Root!.Attribute("aria-label")!.Value);
        Assert.Contains("1 Member States · 2 organisations · 3 people", document.Root.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void RelatedLinkParse_KeepsOnlyHttpLinks()
    {
        var links = RelatedLink.Parse("Report | https://example.org/report\njavascript:alert(1)\nNotes | ftp://example.org/x\nhttp://example.net/");

        Assert.Collection(links,
            l => Assert.Equal(("Report", "https://example.org/report"), (l.Label, l.Url.AbsoluteUri)),
            l => Assert.Equal(("example.net", "http://example.net/"), (l.Label, l.Url.AbsoluteUri)));
    }
}
