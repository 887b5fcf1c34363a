using CollabHub.Web.Features.Members.Profiles;

namespace CollabHub.UnitTests.Members;

public sealed class ExpertiseTagsTests
{
    [Fact]
    public void Parse_MixedInput_NormalisesCaseSpacingHashesAndDuplicates()
    {
        var tags = ExpertiseTags.Parse("  Behavioural   Science, #RCTs ; human rights\nbehavioural science,, C#", out var error);

        Assert.Null(error);
        Assert.Equal(["behavioural science", "rcts", "human rights", "c#"], tags);
    }

    [Fact]
    public void Parse_Blank_IsNoTags()
    {
        Assert.Empty(ExpertiseTags.Parse("  , ; ", out var error)!);
        Assert.Null(error);
        Assert.Empty(ExpertiseTags.Parse(null, out _)!);
    }

    [Fact]
    public void Parse_NonLatinScripts_AreKept()
    {
        var tags = ExpertiseTags.Parse("Droits de l'Homme, حقوق الإنسان, 人权, Évaluation", out var error);

        Assert.Null(error);
        Assert.Equal(["droits de l'homme", "حقوق الإنسان", "人权", "évaluation"], tags);
    }

    [Fact]
    public void Parse_TooManyTags_IsRefusedWithTheLimit()
    {
        var text = string.Join(",", Enumerable.Range(1, ExpertiseTags.MaxCount + 1).Select(i => $"topic {i}"));

        Assert.Null(ExpertiseTags.Parse(text, out var error));
        Assert.Equal("Add at most 10 expertise tags; you entered 11.", error);
    }

    [Fact]
    public void Parse_TenTagsAfterRemovingDuplicates_IsAccepted()
    {
        var text = string.Join(",", Enumerable.Range(1, ExpertiseTags.MaxCount).Select(i => $"topic {i}")) + ", TOPIC 1";

        Assert.Equal(ExpertiseTags.MaxCount, ExpertiseTags.Parse(text, out _)!.Count);
    }

    [Fact]
    public void Parse_TagLongerThanLimit_IsRefused()
    {
        Assert.Null(ExpertiseTags.Parse(new string('a', ExpertiseTags.MaxLength + 1), out var error));
        Assert.StartsWith("Each expertise tag can have at most 40 characters", error);
        Assert.Single(ExpertiseTags.Parse(new string('a', ExpertiseTags.MaxLength), out _)!);
    }

    [Theory]
    [InlineData("<script>")]
    [InlineData("a\"b")]
    [InlineData("x=y")]
    public void Parse_MarkupOrPunctuation_IsRefused(string tag)
    {
        Assert.Null(ExpertiseTags.Parse(tag, out var error));
        Assert.Contains("letters, digits, spaces", error);
    }
}
