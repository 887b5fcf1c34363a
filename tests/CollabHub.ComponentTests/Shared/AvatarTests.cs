using Bunit;
using CollabHub.Web.Components.Shared;

namespace CollabHub.ComponentTests.Shared;

public sealed class AvatarTests : BunitContext
{
    [Fact]
    public void NoPicture_ShowsInitialsOnTheMembersColour()
    {
        var avatar = Render<Avatar>(p => p
            .Add(a => a.UserId, "user-1")
            .Add(a => a.Name, "Amina Diallo"));

        var initials = avatar.Find("span.avatar-initials");
        Assert.Equal("AD", initials.TextContent);
        Assert.Contains($"avatar--c{Avatar.ColourIndex("user-1")}", initials.ClassList);
        Assert.Equal("true", initials.GetAttribute("aria-hidden"));
        Assert.Empty(avatar.FindAll("img"));
    }

    [Fact]
    public void WithPicture_ShowsTheVersionedImageFromOurEndpoint()
    {
        var version = Guid.Parse("0193a5c2-7f00-7000-8000-000000000001");

        var avatar = Render<Avatar>(p => p
            .Add(a => a.UserId, "user-1")
            .Add(a => a.Name, "Amina Diallo")
            .Add(a => a.Version, version)
            .Add(a => a.Size, AvatarSize.Large));

        var img = avatar.Find("img.avatar");
        Assert.Equal("members/user-1/avatar?v=0193a5c27f0070008000000000000001", img.GetAttribute("src"));
        Assert.Equal("128", img.GetAttribute("width"));
        Assert.Equal("", img.GetAttribute("alt"));
        Assert.Empty(avatar.FindAll(".avatar-initials"));
    }

    [Fact]
    public void NotDecorative_NamesThePictureForScreenReaders()
    {
        var initials = Render<Avatar>(p => p.Add(a => a.Name, "Li Wei").Add(a => a.Decorative, false)).Find("span");
        var image = Render<Avatar>(p => p.Add(a => a.UserId, "u").Add(a => a.Name, "Li Wei").Add(a => a.Version, Guid.NewGuid()).Add(a => a.Decorative, false)).Find("img");

        Assert.Equal(("img", "Li Wei"), (initials.GetAttribute("role"), initials.GetAttribute("aria-label")));
        Assert.Equal("Li Wei", image.GetAttribute("alt"));
    }

    [Theory]
    [InlineData("Amina Diallo", "AD")]
    [InlineData("amina.diallo@un.org", "AD")]
    [InlineData("Cher", "C")]
    [InlineData("  ", "?")]
    [InlineData(null, "?")]
    [InlineData("jean-pierre dupont martin", "JP")]
    public void Initials_TakeTheFirstLettersOfTwoWords(string? name, string expected) => Assert.Equal(expected, Avatar.Initials(name));

    [Fact]
    public void ColourIndex_IsStableAndSpreadsAcrossThePalette()
    {
        Assert.Equal(Avatar.ColourIndex("a-user-id"), Avatar.ColourIndex("a-user-id"));
        var used = Enumerable.Range(0, 200).Select(i => Avatar.ColourIndex(Guid.NewGuid().ToString())).Distinct().Count();
        Assert.Equal(Avatar.ColourCount, used);
    }
}
