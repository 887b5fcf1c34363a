using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Admin.Audit;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Members;

/// <summary>A member can take their data with them, and delete it.</summary>
public sealed partial class PersonalDataTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Download_ContainsTheAccountProfileAndGroups()
    {
        var member = await TestAccounts.CreateAsync(fixture.App, "Amara");
        var group = await JoinNewGroupAsync(member.Id, GroupRole.Moderator);
        using var browser = new TestBrowser(fixture.App);
        await browser.SignInAsync(member.Email!, TestAccounts.Password);
        var saved = await browser.SubmitFormAsync("/Account/Manage", "profile", Fields(ProfileForms.Fields("Amara Okafor", dutyStation: "Nairobi", expertise: "nudges")));
        Assert.Contains("Nairobi", saved.Html);

        var page = await browser.GetAsync("/Account/Manage/PersonalData");
        using var download = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(page.Html) });
        using var response = await browser.Client.PostAsync("/Account/Manage/DownloadPersonalData", download, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var root = json.RootElement;
        Assert.Equal(member.Email, root.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal("Amara Okafor", root.GetProperty("account").GetProperty("displayName").GetString());
        Assert.Equal("Nairobi", root.GetProperty("profile").GetProperty("dutyStation").GetString());
        var membership = Assert.Single(root.GetProperty("groups").EnumerateArray());
        Assert.Equal(group.Name, membership.GetProperty("name").GetString());
        Assert.Equal("Moderator", membership.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Delete_WithThePassword_RemovesAccountProfileAndMemberships_ButKeepsTheAuditTrail()
    {
        var member = await TestAccounts.CreateAsync(fixture.App, "Leaving");
        var group = await JoinNewGroupAsync(member.Id, GroupRole.Member);
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            scope.ServiceProvider.GetRequiredService<AuditLog>().Add(db, actor: null, AuditActions.ConfirmationResend, member, "Kept after deletion.");
            await db.SaveChangesAsync(Ct);
        }

        using var browser = new TestBrowser(fixture.App);
        await browser.SignInAsync(member.Email!, TestAccounts.Password);
        var wrong = await browser.SubmitFormAsync("/Account/Manage/DeletePersonalData", "delete-user", new Dictionary<string, string> { ["Input.Password"] = "not my password at all" });
        Assert.Contains("Incorrect password", wrong.Html);
        Assert.True(await ExistsAsync(member.Id));

        await browser.SubmitFormAsync("/Account/Manage/DeletePersonalData", "delete-user", new Dictionary<string, string> { ["Input.Password"] = TestAccounts.Password });

        Assert.False(await ExistsAsync(member.Id));
        await using var check = fixture.App.Services.CreateAsyncScope();
        var after = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await after.GroupMemberships.AnyAsync(m => m.UserId == member.Id, Ct));
        var audit = await after.Set<AuditEntry>().SingleAsync(e => e.Details == "Kept after deletion." && e.SubjectDisplay!.Contains(member.Email!), Ct);
        Assert.Null(audit.SubjectUserId);
        Assert.Equal(group.Id, (await after.Groups.SingleAsync(g => g.Id == group.Id, Ct)).Id);
    }

    private async Task<CollabHub.Web.Features.Groups.Group> JoinNewGroupAsync(string userId, GroupRole role)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var group = new CollabHub.Web.Features.Groups.Group { Slug = $"data-{suffix}", Name = $"Data circle {suffix}", Summary = "For the data tests." };
        db.Groups.Add(group);
        db.GroupMemberships.Add(new GroupMembership { GroupId = group.Id, UserId = userId, Role = role });
        await db.SaveChangesAsync(Ct);
        return group;
    }

    private async Task<bool> ExistsAsync(string userId)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AnyAsync(u => u.Id == userId, Ct);
    }

    private static Dictionary<string, string> Fields(List<KeyValuePair<string, string>> fields) =>
        fields.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Last().Value);

    private static string Token(string html) =>
        System.Net.WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups[1].Value);

    [GeneratedRegex(""""name="__RequestVerificationToken"[^>]*value="([^"]+)"""")]
    private static partial Regex AntiforgeryField();
}
