using System.Text.RegularExpressions;
using CollabHub.IntegrationTests.Infrastructure;

namespace CollabHub.IntegrationTests.Email;

/// <summary>The issue's headline journey: a newcomer registers, gets the mail, confirms and signs in.</summary>
public sealed partial class RegistrationMailTests(MailAppFixture fixture) : IClassFixture<MailAppFixture>
{
    [Fact]
    public async Task Register_ConfirmationMailArrivesOverSmtp_LinkConfirmsAndMemberSignsIn()
    {
        var email = $"newcomer-{Guid.NewGuid():N}@example.org";
        const string password = "Welcome-2-CollabHub!";
        using var browser = new TestBrowser(fixture.App);

        var afterRegister = await browser.SubmitFormAsync("Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Nadia Newcomer",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

        Assert.Contains("Account/RegisterConfirmation", afterRegister.Url.AbsoluteUri);
        Assert.Contains("Check your inbox", afterRegister.Html);
        Assert.DoesNotContain("ConfirmEmail?", afterRegister.Html); // the link is only in the mail now

        // Not confirmed yet: signing in is refused.
        var early = await browser.TrySignInAsync(email, password);
        Assert.DoesNotContain("Sign out", early.Html);

        await Eventually.WaitAsync(() => fixture.Smtp.ReceivedBy(email).Count > 0, $"the confirmation mail to {email}");
        var mail = Assert.Single(fixture.Smtp.ReceivedBy(email));
        Assert.Equal("Confirm your e-mail address for CollabHub", mail.Subject);
        Assert.Contains("Hello Nadia Newcomer,", mail.TextBody);
        var link = new Uri(ConfirmLink().Match(mail.TextBody ?? "").Value);
        Assert.True(link.IsAbsoluteUri);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(link.AbsoluteUri), mail.HtmlBody);

        var confirmed = await browser.GetAsync(link.PathAndQuery);
        Assert.Contains("Thank you for confirming your email.", confirmed.Html);

        await browser.SignInAsync(email, password);
        var home = await browser.GetAsync("/");
        Assert.Contains("Nadia Newcomer", home.Html); // the header greets the new member by name
    }

    [Fact]
    public async Task ForgotPassword_ResetMailArrives_AndItsLinkOpensTheResetPage()
    {
        var user = await TestAccounts.CreateAsync(fixture.App, "Forgetful");
        using var browser = new TestBrowser(fixture.App);

        var page = await browser.SubmitFormAsync("Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = user.Email! });

        Assert.Contains("ForgotPasswordConfirmation", page.Url.AbsoluteUri);
        await Eventually.WaitAsync(() => fixture.Smtp.ReceivedBy(user.Email!).Count > 0, "the password reset mail");
        var mail = Assert.Single(fixture.Smtp.ReceivedBy(user.Email!));
        Assert.Equal("Reset your CollabHub password", mail.Subject);
        Assert.Contains("Hello Forgetful,", mail.TextBody);
        var link = new Uri(ResetLink().Match(mail.TextBody ?? "").Value);
        var reset = await browser.GetAsync(link.PathAndQuery);
        Assert.Contains("Reset password", reset.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Register_WithAnAddressThatHasAnAccount_AnswersAsForANewOne_AndTellsOnlyTheOwner()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Owner");
        var fresh = $"fresh-{Guid.NewGuid():N}@example.org";
        using var browser = new TestBrowser(fixture.App);

        var forTaken = await RegisterAsync(browser, owner.Email!);
        var forFresh = await RegisterAsync(browser, fresh);

        Assert.Equal(forFresh.Url.AbsolutePath, forTaken.Url.AbsolutePath);
        Assert.Contains("Check your inbox", forTaken.Html);
        Assert.DoesNotContain("already", forTaken.Html, StringComparison.OrdinalIgnoreCase);
        await Eventually.WaitAsync(() => fixture.Smtp.ReceivedBy(owner.Email!).Count > 0, "the mail to the owner");
        var mail = Assert.Single(fixture.Smtp.ReceivedBy(owner.Email!));
        Assert.Equal("You already have a CollabHub account", mail.Subject);
        Assert.Contains("https://hub.test/Account/ForgotPassword", mail.TextBody); // absolute, from App:PublicBaseUrl

        // Nothing about the existing account changed: its password still works.
        using var ownerBrowser = await TestAccounts.SignInAsync(fixture.App, owner);
    }

    [Fact]
    public async Task RegisterConfirmationPage_AnswersAlikeForAnyAddress()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Known");
        using var browser = new TestBrowser(fixture.App);

        var known = await browser.GetAsync($"Account/RegisterConfirmation?email={Uri.EscapeDataString(owner.Email!)}");
        var unknown = await browser.GetAsync($"Account/RegisterConfirmation?email=nobody-{Guid.NewGuid():N}@example.org");

        Assert.Equal(known.Status, unknown.Status);
        Assert.Equal(System.Net.HttpStatusCode.OK, unknown.Status);
        Assert.Contains("Check your inbox", unknown.Html);
    }

    [Fact]
    public async Task Register_WeakPassword_IsRefusedTheSameWayWhetherOrNotTheAddressIsTaken()
    {
        var owner = await TestAccounts.CreateAsync(fixture.App, "Taken");
        using var browser = new TestBrowser(fixture.App);

        var forTaken = await RegisterAsync(browser, owner.Email!, "1qaz2wsx3edc");
        var forFresh = await RegisterAsync(browser, $"weak-{Guid.NewGuid():N}@example.org", "1qaz2wsx3edc");

        Assert.All([forTaken, forFresh], page =>
        {
            Assert.Contains("Account/Register", page.Url.AbsoluteUri);
            Assert.Contains("one of the most commonly used", page.Html);
        });
    }

    private static Task<HtmlPage> RegisterAsync(TestBrowser browser, string email, string password = "Welcome-2-CollabHub!") =>
        browser.SubmitFormAsync("Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Someone New",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

    [GeneratedRegex(@"http://localhost/Account/ConfirmEmail\?\S+")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex(@"http://localhost/Account/ResetPassword\?\S+")]
    private static partial Regex ResetLink();
}
