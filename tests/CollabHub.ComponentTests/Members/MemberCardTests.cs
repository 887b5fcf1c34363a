using Bunit;
using CollabHub.Web.Features.Members.Profiles;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.ComponentTests.Members;

public sealed class MemberCardTests : BunitContext
{
    public MemberCardTests() => Services.AddLocalization();

    [Fact]
    public void Card_ShowsNameLinkOrganisationTitleAndDutyStation()
    {
        var member = new MemberSummary("u-1", "Amina Diallo", "OHCHR", "Office of the United Nations High Commissioner for Human Rights", "Human Rights Officer", "Geneva", null);

        var card = Render<MemberCard>(p => p.Add(c => c.Member, member));

        Assert.Equal("members/u-1", card.Find(".member-card__name a").GetAttribute("href"));
        Assert.Equal("Amina Diallo", card.Find(".member-card__name").TextContent);
        Assert.Equal("Office of the United Nations High Commissioner for Human Rights", card.Find(".member-card__organisation abbr").GetAttribute("title"));
        Assert.Equal("Human Rights Officer", card.Find(".member-card__title").TextContent);
        Assert.Contains("Geneva", card.Find(".member-card__duty-station").TextContent);
        Assert.Equal("AD", card.Find(".avatar-initials").TextContent);
    }

    [Fact]
    public void Card_OtherOrganisationAndNoDetails_ShowsWhatThereIs()
    {
        var card = Render<MemberCard>(p => p.Add(c => c.Member, new MemberSummary("u-2", "Li Wei", "Green Climate Fund", null, "", "", Guid.NewGuid())));

        Assert.Equal("Green Climate Fund", card.Find(".member-card__organisation").TextContent.Trim());
        Assert.Empty(card.FindAll("abbr"));
        Assert.Empty(card.FindAll(".member-card__title, .member-card__duty-station"));
        Assert.StartsWith("members/u-2/avatar?v=", card.Find("img.avatar").GetAttribute("src"));
    }

    [Fact]
    public void List_LoadingEmptyAndFull()
    {
        var loading = Render<MemberCardList>(p => p.Add(l => l.Members, null));
        var empty = Render<MemberCardList>(p => p.Add(l => l.Members, []));
        var full = Render<MemberCardList>(p => p.Add(l => l.Members, [
            new MemberSummary("a", "A Person", null, null, "", "", null),
            new MemberSummary("b", "B Person", null, null, "", "", null),
        ]));

        Assert.Equal("status", loading.Find(".loading").GetAttribute("role"));
        Assert.Contains("No members match your search", empty.Find(".directory-empty").TextContent);
        Assert.Equal(2, full.FindAll("li .member-card").Count);
    }
}
