using System.Net;
using AngleSharp.Html.Dom;
using CollabHub.IntegrationTests.Infrastructure;

namespace CollabHub.IntegrationTests.Members;

public sealed class DirectoryTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_ByExpertise_FindsTheMemberAndNotOthers()
    {
        var topic = $"nudge{Guid.NewGuid():N}"[..16];
        using var expert = await NewMemberWithProfileAsync("Expert Person", dutyStation: "Bangkok", expertise: $"behavioural science, {topic}");
        using var other = await NewMemberWithProfileAsync("Other Person", dutyStation: "Bangkok", expertise: "procurement");

        var page = await other.OpenAsync($"/members?q={topic.ToUpperInvariant()}");

        Assert.Equal(["Expert Person"], Names(page));
        Assert.Equal("1 member", page.QuerySelector(".directory-count")!.TextContent.Trim());
    }

    [Fact]
    public async Task Search_ByDutyStation_FindsEveryoneThere()
    {
        var station = $"Station {Guid.NewGuid():N}"[..20];
        using var first = await NewMemberWithProfileAsync("Ana Duty", dutyStation: station);
        using var second = await NewMemberWithProfileAsync("Ben Duty", dutyStation: station);
        using var elsewhere = await NewMemberWithProfileAsync("Cy Elsewhere", dutyStation: "Santiago");

        var page = await elsewhere.OpenAsync($"/members?q={Uri.EscapeDataString(station.ToLowerInvariant())}");

        Assert.Equal(["Ana Duty", "Ben Duty"], Names(page));
        Assert.Contains(station, page.QuerySelector(".member-card__duty-station")!.TextContent);
    }

    [Fact]
    public async Task Directory_SuspendedMember_IsNotListed()
    {
        var station = $"Station {Guid.NewGuid():N}"[..20];
        using var active = await NewMemberWithProfileAsync("Active Member", dutyStation: station);
        using var suspended = await NewMemberWithProfileAsync("Suspended Member", dutyStation: station);
        await using (var db = new Npgsql.NpgsqlConnection(fixture.ConnectionString))
        {
            await db.OpenAsync(Ct);
            await using var suspend = new Npgsql.NpgsqlCommand("UPDATE users SET suspended_at = now(), suspension_reason = 'Spam.' WHERE id = $1", db);
            suspend.Parameters.AddWithValue(suspended.Account.Id);
            Assert.Equal(1, await suspend.ExecuteNonQueryAsync(Ct));
        }

        var page = await active.OpenAsync($"/members?q={Uri.EscapeDataString(station)}");

        Assert.Equal(["Active Member"], Names(page));
    }

    [Fact]
    public async Task Search_ByOrganisationNameOrFilter_FindsItsMembers()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        using var wfp = await NewMemberWithProfileAsync($"Wfp Staffer {unique}", organisation: "WFP");
        using var unicef = await NewMemberWithProfileAsync($"Unicef Staffer {unique}", organisation: "UNICEF");

        var byName = await wfp.OpenAsync($"/members?q=food+programme+{unique}");
        var byFilter = await wfp.OpenAsync($"/members?q={unique}&org=UNICEF");

        Assert.Equal([$"Wfp Staffer {unique}"], Names(byName));
        Assert.Equal([$"Unicef Staffer {unique}"], Names(byFilter));
        Assert.Equal("UNICEF", byFilter.QuerySelector(".member-card__organisation abbr")!.TextContent);
        Assert.Equal("UNICEF", ((IHtmlSelectElement)byFilter.QuerySelector("#directory-org")!).Value);
    }

    [Fact]
    public async Task Search_WildcardCharacters_AreMatchedLiterally()
    {
        using var member = await NewMemberWithProfileAsync("Percent Person", expertise: "evaluation");

        var page = await member.OpenAsync("/members?q=%25%25_");

        Assert.Empty(Names(page));
        Assert.Contains("No members match your search", page.QuerySelector(".directory-empty")!.TextContent);
    }

    [Fact]
    public async Task Directory_ManyMatches_IsPagedWithLinksKeepingTheSearch()
    {
        var tag = $"paging{Guid.NewGuid():N}"[..14];
        var members = new List<TestBrowser>();
        for (var i = 0; i < 26; i++)
        {
            members.Add(await NewMemberWithProfileAsync($"Pager {i:D2}", expertise: tag));
        }

        try
        {
            var first = await members[0].OpenAsync($"/members?q={tag}");
            var next = first.QuerySelector(".pager a[rel='next']")!.GetAttribute("href")!;
            var second = await members[0].OpenAsync(new Uri(next).PathAndQuery);

            Assert.Equal(24, Names(first).Count);
            Assert.Equal("Pager 00", Names(first)[0]);
            Assert.Equal(["Pager 24", "Pager 25"], Names(second));
            Assert.Contains($"q={tag}", next);
            Assert.Contains("Page 2 of 2", second.QuerySelector(".pager__status")!.TextContent);
        }
        finally
        {
            members.ForEach(m => m.Dispose());
        }
    }

    [Fact]
    public async Task Directory_PageBeyondTheLast_ShowsTheLastPage_WithTheCount()
    {
        var tag = $"beyond{Guid.NewGuid():N}"[..14];
        using var first = await NewMemberWithProfileAsync("Beyond One", expertise: tag);
        using var second = await NewMemberWithProfileAsync("Beyond Two", expertise: tag);

        // The total comes with the page's rows; a page with no rows asks for it apart, and then for the last page.
        var onFirst = await first.OpenAsync($"/members?q={tag}");
        var beyond = await first.OpenAsync($"/members?q={tag}&page=3");

        Assert.Equal("2 members", onFirst.QuerySelector(".directory-count")!.TextContent.Trim());
        Assert.Equal("2 members", beyond.QuerySelector(".directory-count")!.TextContent.Trim());
        Assert.Equal(["Beyond One", "Beyond Two"], Names(beyond));
    }

    [Fact]
    public async Task Directory_ShowsAvatarInitialsNameAndLinkToProfile()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        using var member = await NewMemberWithProfileAsync($"Zara Okafor {unique}", organisation: "UNDP", dutyStation: "Lagos");

        var page = await member.OpenAsync($"/members?q={unique}");
        var card = page.QuerySelector(".member-card")!;

        Assert.Equal("ZO", card.QuerySelector(".avatar-initials")!.TextContent);
        Assert.Equal($"members/{member.Account.Id}", card.QuerySelector(".member-card__name a")!.GetAttribute("href"));
        Assert.Equal("UNDP", card.QuerySelector(".member-card__organisation abbr")!.TextContent);
        Assert.Equal("United Nations Development Programme", card.QuerySelector(".member-card__organisation abbr")!.GetAttribute("title"));
    }

    /// <remarks>The browser shows redirects, so the saved profile is known to have been accepted.</remarks>
    private async Task<TestBrowser> NewMemberWithProfileAsync(string name, string organisation = "", string dutyStation = "", string expertise = "")
    {
        var member = await TestAccounts.SignInNewMemberAsync(fixture.App, name, followRedirects: false);
        var saved = await member.SubmitFormAsync(
            ProfileForms.Path,
            ProfileForms.FormName,
            ProfileForms.Fields(displayName: name, organisation: organisation, dutyStation: dutyStation, expertise: expertise));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        return member;
    }

    private static List<string> Names(HtmlPage page) =>
        page.QuerySelectorAll(".member-card__name").Select(h => h.TextContent.Trim()).ToList();
}
