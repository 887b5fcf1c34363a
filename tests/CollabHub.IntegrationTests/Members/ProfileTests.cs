using System.Net;
using AngleSharp.Html.Dom;
using CollabHub.IntegrationTests.Infrastructure;

namespace CollabHub.IntegrationTests.Members;

public sealed class ProfileTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Manage_MemberSavesProfile_ColleaguesSeeItOnTheirProfilePage()
    {
        using var amina = await SignInNewMemberAsync();
        using var colleague = await SignInNewMemberAsync();

        var saved = await amina.SubmitFormAsync(ProfileForms.Path, ProfileForms.FormName, ProfileForms.Fields(
            displayName: "Amina Diallo",
            organisation: "OHCHR",
            jobTitle: "Human Rights Officer",
            dutyStation: "Geneva",
            bio: "I work on **business and human rights**.\n\n- Guiding principles\n- Due diligence",
            expertise: "Business & Human Rights, Due Diligence",
            timeZone: "Europe/Zurich",
            languages: ["fr", "en"]));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.EndsWith("/Account/Manage", saved.RedirectLocation!.OriginalString);
        var confirmation = await amina.OpenAsync(ProfileForms.Path);
        Assert.Contains("Your profile has been saved.", confirmation.Html);

        var page = await colleague.OpenAsync($"/members/{amina.Account.Id}");
        Assert.Equal("Amina Diallo", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("OHCHR — Office of the United Nations High Commissioner for Human Rights", page.QuerySelector(".profile-organisation")!.TextContent);
        Assert.Equal("Human Rights Officer", page.QuerySelector(".profile-header__role")!.TextContent);
        Assert.Equal("Geneva", page.QuerySelector(".profile-duty-station")!.TextContent);
        Assert.Equal("business and human rights", page.QuerySelector(".profile-bio strong")!.TextContent);
        Assert.Equal(2, page.QuerySelectorAll(".profile-bio li").Length);
        Assert.Equal(["business & human rights", "due diligence"], page.QuerySelectorAll(".tag-list a").Select(a => a.TextContent));
        Assert.Equal(["English", "French (Français)"], page.QuerySelectorAll(".profile-languages span").Select(s => s.TextContent));
        Assert.Contains("Europe/Zurich", page.QuerySelector(".profile-local-time")!.TextContent);
        Assert.Matches(@"^\d{2}:\d{2}$", page.QuerySelector(".profile-local-time time")!.TextContent);
        Assert.Contains(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector(".profile-member-since")!.TextContent);
        Assert.Null(page.QuerySelector(".profile-header a[href='Account/Manage']")); // not their own profile
    }

    [Fact]
    public async Task Manage_EditorShowsTheSavedValues()
    {
        using var member = await SignInNewMemberAsync();
        await member.SubmitFormAsync(ProfileForms.Path, ProfileForms.FormName, ProfileForms.Fields(
            displayName: "Li Wei", organisation: "OTHER", organisationOther: "Green Climate Fund", dutyStation: "Incheon",
            expertise: "climate finance", timeZone: "Asia/Seoul", languages: ["zh", "ko"]));

        var editor = await member.OpenAsync(ProfileForms.Path);

        Assert.Equal("Li Wei", ((IHtmlInputElement)editor.QuerySelector("#profile-name")!).Value);
        Assert.Equal("OTHER", ((IHtmlSelectElement)editor.QuerySelector("#profile-organisation")!).Value);
        Assert.Equal("Green Climate Fund", ((IHtmlInputElement)editor.QuerySelector("#profile-organisation-other")!).Value);
        Assert.Equal("climate finance", ((IHtmlInputElement)editor.QuerySelector("#profile-expertise")!).Value);
        Assert.Equal("Asia/Seoul", ((IHtmlSelectElement)editor.QuerySelector("#profile-time-zone")!).Value);
        Assert.True(((IHtmlInputElement)editor.QuerySelector("#profile-language-zh")!).IsChecked);
        Assert.True(((IHtmlInputElement)editor.QuerySelector("#profile-language-ko")!).IsChecked);
        Assert.False(((IHtmlInputElement)editor.QuerySelector("#profile-language-en")!).IsChecked);
        Assert.NotNull(editor.QuerySelector("select[data-browser-time-zone]"));
    }

    [Fact]
    public async Task Manage_InvalidInput_ShowsEveryMessageAndChangesNothing()
    {
        using var member = await SignInNewMemberAsync();
        await member.SubmitFormAsync(ProfileForms.Path, ProfileForms.FormName, ProfileForms.Fields(
            displayName: "Original Name", organisation: "UNDP", dutyStation: "Dakar"));

        var refused = await member.SubmitFormAsync(ProfileForms.Path, ProfileForms.FormName, ProfileForms.Fields(
            displayName: "Changed Name",
            organisation: "OTHER",
            dutyStation: "Bamako",
            bio: new string('x', 2001),
            expertise: string.Join(",", Enumerable.Range(1, 11).Select(i => $"tag {i}")),
            timeZone: "Mars/Olympus_Mons"));
        var html = refused.Html;

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Enter your organisation&#x27;s name, at most 120 characters.", html);
        Assert.Contains("About you can have at most 2000 characters; it has 2001.", html);
        Assert.Contains("Add at most 10 expertise tags; you entered 11.", html);
        Assert.Contains("Choose a time zone from the list", html);
        Assert.Contains("value=\"Bamako\"", html); // what they typed is kept for correcting

        var profile = await member.OpenAsync($"/members/{member.Account.Id}");
        Assert.Equal("Original Name", profile.QuerySelector("h1")!.TextContent);
        Assert.Equal("Dakar", profile.QuerySelector(".profile-duty-station")!.TextContent);
    }

    [Fact]
    public async Task Profile_HostileBio_RendersWithoutScriptOrScriptLinks()
    {
        using var member = await SignInNewMemberAsync();
        await member.SubmitFormAsync(ProfileForms.Path, ProfileForms.FormName, ProfileForms.Fields(
            displayName: "Mallory",
            bio: "<script>alert('bio')</script> [click](javascript:alert(1)) <img src=x onerror=alert(2)> [ok](https://www.un.org)"));

        var page = await member.OpenAsync($"/members/{member.Account.Id}");
        var bio = page.QuerySelector(".profile-bio")!;

        Assert.Empty(bio.QuerySelectorAll("script, img, [onerror]"));
        var link = Assert.Single(bio.QuerySelectorAll("a"));
        Assert.Equal("https://www.un.org", link.GetAttribute("href"));
        Assert.Equal("nofollow ugc noopener", link.GetAttribute("rel"));
        Assert.Contains("<script>alert('bio')</script>", bio.TextContent); // shown as text, harmless
    }

    [Fact]
    public async Task Profile_UnknownMember_IsNotFound()
    {
        using var member = await SignInNewMemberAsync();

        var page = await member.GetAsync($"/members/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("We could not find that page", page.Html);
    }

    [Fact]
    public async Task Profile_OwnProfile_OffersTheEditor()
    {
        using var member = await SignInNewMemberAsync();

        var page = await member.OpenAsync($"/members/{member.Account.Id}");

        Assert.Equal(member.Account.DisplayName, page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector(".profile-header a[href='Account/Manage']"));
        Assert.NotNull(page.QuerySelector(".profile-header .avatar-initials"));
    }

    [Theory]
    [InlineData("/members")]
    [InlineData("/members?q=geneva")]
    [InlineData("/members/{id}")]
    [InlineData("/members/{id}/avatar")]
    [InlineData("/Account/Manage")]
    public async Task Anonymous_IsSentToSignIn(string path)
    {
        using var member = await SignInNewMemberAsync();
        using var anonymous = new TestBrowser(fixture.App, followRedirects: false);

        var page = await anonymous.GetAsync(path.Replace("{id}", member.Account.Id, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/Account/Login", page.RedirectLocation!.AbsolutePath);
        Assert.DoesNotContain(member.Account.DisplayName, page.Html);
    }

    /// <summary>Each account page is one section under "Your account" (the template's two titles and mixed heading levels are gone).</summary>
    [Theory]
    [InlineData("/Account/Manage", "Your profile")]
    [InlineData("/Account/Manage/Email", "Email")]
    [InlineData("/Account/Manage/ChangePassword", "Change password")]
    [InlineData("/Account/Manage/TwoFactorAuthentication", "Two-factor authentication (2FA)")]
    [InlineData("/Account/Manage/Passkeys", "Passkeys")]
    [InlineData("/Account/Manage/PersonalData", "Personal data")]
    public async Task AccountPages_AreOneSectionEach_UnderYourAccount(string path, string section)
    {
        using var member = await SignInNewMemberAsync();

        var page = await member.OpenAsync(path);

        Assert.Equal(["Your account"], page.QuerySelectorAll("main h1").Select(h => h.TextContent.Trim()));
        Assert.Equal(section, page.QuerySelector("main h2")!.TextContent.Trim());
        Assert.Empty(page.QuerySelectorAll("main h4"));
    }

    /// <summary>The e-mail page says in words, not only with a green tick, that the address is confirmed.</summary>
    [Fact]
    public async Task EmailPage_SaysTheAddressIsConfirmed()
    {
        using var member = await SignInNewMemberAsync();

        var page = await member.OpenAsync("/Account/Manage/Email");

        var mark = page.QuerySelector("#email + .input-group-text")!;
        Assert.Equal("Confirmed", mark.QuerySelector(".visually-hidden")!.TextContent);
        Assert.Equal("Confirmed", mark.GetAttribute("title"));
    }

    [Fact]
    public async Task SiteNav_SignedIn_LinksToMembers()
    {
        using var member = await SignInNewMemberAsync();

        var home = await member.OpenAsync("/");

        Assert.Equal("Members", home.QuerySelector(".site-nav a[href='members']")!.TextContent);
        using var anonymous = new TestBrowser(fixture.App);
        var anonymousHome = await anonymous.OpenAsync("/");
        Assert.DoesNotContain("href=\"members\"", anonymousHome.Html);
    }

    [Fact]
    public async Task Editor_LoadsTheSameOriginTimeZoneScript()
    {
        using var member = await SignInNewMemberAsync();

        var editor = await member.OpenAsync(ProfileForms.Path);
        var src = editor.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).Single(s => s.Contains("browser-time-zone", StringComparison.Ordinal));
        var script = await member.Client.GetAsync("/" + src, Ct);

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Intl.DateTimeFormat().resolvedOptions().timeZone", await script.Content.ReadAsStringAsync(Ct));
        Assert.Empty(editor.QuerySelectorAll("script:not([src])"));
    }

    /// <summary>These tests look at what the app answers to each request, so their browsers show redirects.</summary>
    private Task<TestBrowser> SignInNewMemberAsync() => TestAccounts.SignInNewMemberAsync(fixture.App, followRedirects: false);
}
