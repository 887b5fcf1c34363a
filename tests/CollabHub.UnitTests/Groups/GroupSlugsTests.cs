using CollabHub.Web.Features.Groups;

namespace CollabHub.UnitTests.Groups;

public sealed class GroupSlugsTests
{
    [Theory]
    [InlineData("UN Behavioural Science Group", "un-behavioural-science-group")]
    [InlineData("Évaluation & Apprentissage — Afrique de l'Ouest", "evaluation-apprentissage-afrique-de-l-ouest")]
    [InlineData("  --Data   Protection--  ", "data-protection")]
    [InlineData("Новая группа", "group")]
    [InlineData("AI", "group-ai")]
    [InlineData("New", "group-new")]
    public void Suggest_MakesAnAddressFromTheName(string name, string slug) => Assert.Equal(slug, GroupSlugs.Suggest(name));

    [Fact]
    public void Suggest_VeryLongName_IsCutAtTheLimitWithoutATrailingHyphen()
    {
        var slug = GroupSlugs.Suggest(string.Concat(Enumerable.Repeat("abcdefghi ", 20)));

        Assert.True(slug.Length <= Group.SlugMaxLength);
        Assert.False(slug.EndsWith('-'));
        Assert.Null(GroupSlugs.Check(slug));
    }

    [Theory]
    [InlineData("ok-slug", true)]
    [InlineData("ab", false)]
    [InlineData("Upper-Case", false)]
    [InlineData("double--hyphen", false)]
    [InlineData("-leading", false)]
    [InlineData("with space", false)]
    [InlineData("invitations", false)]
    [InlineData("new", false)]
    public void Check_AcceptsOnlyWellFormedAddressesTheSiteDoesNotUse(string slug, bool ok) =>
        Assert.Equal(ok, GroupSlugs.Check(slug) is null);

    [Fact]
    public void NextFree_SkipsTakenSuffixes() =>
        Assert.Equal("data-4", GroupSlugs.NextFree("data", ["data-2", "data-3", "data-x"]));

    [Fact]
    public void NextFree_AtTheLengthLimit_StaysWithinIt()
    {
        var slug = new string('a', Group.SlugMaxLength);

        var next = GroupSlugs.NextFree(slug, []);

        Assert.Equal(Group.SlugMaxLength, next.Length);
        Assert.EndsWith("-2", next);
    }
}
