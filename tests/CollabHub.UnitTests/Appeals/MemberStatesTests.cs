using CollabHub.Web.Features.Appeals;

namespace CollabHub.UnitTests.Appeals;

public sealed class MemberStatesTests
{
    [Fact]
    public void All_Has193MemberStatesAnd2ObserverStates()
    {
        Assert.Equal(193, MemberStates.All.Count(s => !s.IsObserver));
        Assert.Equal(["Holy See", "State of Palestine"], MemberStates.All.Where(s => s.IsObserver).Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void All_CodesAndNamesAreUnique_AndWellFormed()
    {
        Assert.Equal(MemberStates.All.Count, MemberStates.All.Select(s => s.Alpha2).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(MemberStates.All.Count, MemberStates.All.Select(s => s.Alpha3).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(MemberStates.All.Count, MemberStates.All.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(MemberStates.All, s =>
        {
            Assert.Matches("^[A-Z]{2}$", s.Alpha2);
            Assert.Matches("^[A-Z]{3}$", s.Alpha3);
        });
    }

    [Theory]
    [InlineData("TR", "Türkiye", UnRegionalGroup.WesternEuropeanAndOthers)]
    [InlineData("CI", "Côte d'Ivoire", UnRegionalGroup.African)]
    [InlineData("NL", "Netherlands (Kingdom of the)", UnRegionalGroup.WesternEuropeanAndOthers)]
    [InlineData("BO", "Bolivia (Plurinational State of)", UnRegionalGroup.LatinAmericanCaribbean)]
    [InlineData("EE", "Estonia", UnRegionalGroup.EasternEuropean)]
    [InlineData("cy", "Cyprus", UnRegionalGroup.AsiaPacific)]
    public void Find_KnownCode_GivesTheOfficialShortNameAndRegion(string code, string name, UnRegionalGroup region)
    {
        var state = MemberStates.Find(code);

        Assert.NotNull(state);
        Assert.Equal(name, state.Name);
        Assert.Equal(region, state.Region);
    }

    [Fact]
    public void Find_UnknownCode_IsNull()
    {
        Assert.Null(MemberStates.Find("XX"));
        Assert.Null(MemberStates.Find(null));
    }
}
