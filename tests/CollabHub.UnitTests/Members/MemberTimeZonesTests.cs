using CollabHub.Web.Features.Members.Profiles;

namespace CollabHub.UnitTests.Members;

public sealed class MemberTimeZonesTests
{
    [Theory]
    [InlineData("Europe/Zurich")]
    [InlineData("America/New_York")]
    [InlineData("Africa/Nairobi")]
    [InlineData("Asia/Bangkok")]
    [InlineData("UTC")]
    public void TryResolve_IanaId_IsAccepted(string id)
    {
        Assert.True(MemberTimeZones.TryResolve(id, out var zone));
        Assert.Equal(id, zone!.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryResolve_Blank_MeansNoTimeZone(string? id)
    {
        Assert.True(MemberTimeZones.TryResolve(id, out var zone));
        Assert.Null(zone);
    }

    [Theory]
    [InlineData("Europe/Geneva")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("../../etc/passwd")]
    [InlineData("<script>")]
    public void TryResolve_UnknownOrWindowsId_IsRefused(string id) => Assert.False(MemberTimeZones.TryResolve(id, out _));

    [Fact]
    public void All_ListsIanaZonesForThePicker()
    {
        Assert.Contains("Europe/Zurich", MemberTimeZones.All);
        Assert.Contains("UTC", MemberTimeZones.All);
        Assert.All(MemberTimeZones.All, id => Assert.True(MemberTimeZones.TryResolve(id, out _), id));
    }
}
