using Bunit;
using CollabHub.Web.Features.Members.Profiles;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.ComponentTests.Members;

public sealed class ProfileDetailsTests : BunitContext
{
    public ProfileDetailsTests() => Services.AddLocalization();

    private static MemberProfileView Profile(string bioHtml = "<p>I work on <strong>evaluation</strong>.</p>") => new(
        "u-1",
        "Amina Diallo",
        UnOrganisations.Find("UNICEF"),
        null,
        "Evaluation Specialist",
        "Nairobi",
        bioHtml,
        ["evaluation", "child protection"],
        [SpokenLanguages.Find("fr")!, SpokenLanguages.Find("sw")!],
        "Africa/Nairobi",
        new DateTimeOffset(2026, 3, 5, 14, 7, 0, TimeSpan.FromHours(3)),
        new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero),
        null);

    [Fact]
    public void Details_ShowEveryFact()
    {
        var details = Render<ProfileDetails>(p => p.Add(d => d.Profile, Profile()));

        Assert.Equal("Amina Diallo", details.Find("h1").TextContent);
        Assert.Equal("UNICEF — United Nations Children's Fund", details.Find(".profile-organisation").TextContent);
        Assert.Equal("Nairobi", details.Find(".profile-duty-station").TextContent);
        Assert.Equal("14:07", details.Find(".profile-local-time time").TextContent);
        Assert.Contains("Africa/Nairobi, UTC+03:00", details.Find(".profile-local-time").TextContent);
        Assert.Equal(["fr", "sw"], details.FindAll(".profile-languages span").Select(s => s.GetAttribute("lang")));
        Assert.Equal("2025-06-01", details.Find(".profile-member-since time").GetAttribute("datetime"));
        Assert.Contains("2025", details.Find(".profile-member-since").TextContent);
        Assert.Equal("members?q=child%20protection", details.FindAll(".tag-list a")[1].GetAttribute("href"));
        Assert.Equal("evaluation", details.Find(".profile-bio strong").TextContent);
        Assert.Empty(details.FindAll("a[href='Account/Manage']"));
    }

    [Fact]
    public void OwnEmptyProfile_InvitesToCompleteIt()
    {
        var empty = Profile(bioHtml: "") with { Expertise = [], Languages = [], Organisation = null, DutyStation = "", LocalTime = null, TimeZone = null };

        var details = Render<ProfileDetails>(p => p.Add(d => d.Profile, empty).Add(d => d.IsOwn, true));

        Assert.Empty(details.FindAll(".profile-organisation, .profile-duty-station, .profile-local-time, .profile-languages, .tag-list, .profile-bio"));
        Assert.Contains("Complete your profile", details.Markup);
        Assert.NotEmpty(details.FindAll("a[href='Account/Manage']"));
    }
}
