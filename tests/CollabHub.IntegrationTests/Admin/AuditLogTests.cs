using System.Net;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Admin.Audit;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Admin;

public sealed class AuditLogTests(AdminFixture fixture) : IClassFixture<AdminFixture>
{
    private CollabHubApp App => fixture.App;

    [Fact]
    public async Task AuditPage_FilteredByActionOrSubject_ShowsOnlyMatchingEntries()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (admin, session) = await fixture.SignedInAdminAsync();
        var promoted = await TestAccounts.CreateAsync(App, new NewAccount($"promoted-{tag}") { Email = $"promoted-{tag}@example.org", Roles = [SiteRoles.Member] });
        var suspended = await TestAccounts.CreateAsync(App, new NewAccount($"suspended-{tag}") { Email = $"suspended-{tag}@example.org", Roles = [SiteRoles.Member] });
        Assert.True((await fixture.AsAsync(admin, (s, p, ct) => s.SetRolesAsync(p, promoted.Id, [SiteRoles.Member, SiteRoles.Moderator], ct))).Succeeded);
        Assert.True((await fixture.AsAsync(admin, (s, p, ct) => s.SuspendAsync(p, suspended.Id, $"Reason {tag}", ct))).Succeeded);

        var suspensions = (await session.OpenAsync($"/admin/audit?action={AuditActions.MemberSuspend}&subject={tag}")).Html;
        var aboutPromoted = (await session.OpenAsync($"/admin/audit?subject=PROMOTED-{tag}")).Html;
        var byId = (await session.OpenAsync($"/admin/audit?subjectId={Uri.EscapeDataString(suspended.Id)}")).Html;

        Assert.Contains($"suspended-{tag}@example.org", suspensions);
        Assert.Contains($"Reason {tag}", suspensions);
        Assert.DoesNotContain($"promoted-{tag}@example.org", suspensions);
        Assert.Contains("Role assigned", aboutPromoted);
        Assert.DoesNotContain($"suspended-{tag}@example.org", aboutPromoted);
        Assert.Contains("1 entry", byId);
        Assert.Contains("Member suspended", byId);
    }

    [Fact]
    public async Task AuditExport_Administrator_DownloadsCsvThatSpreadsheetsWontRunAsFormulas()
    {
        var (admin, session) = await fixture.SignedInAdminAsync();
        var member = await TestAccounts.CreateAsync(App, "Csv", SiteRoles.Member);
        Assert.True((await fixture.AsAsync(admin, (s, p, ct) => s.SuspendAsync(p, member.Id, "=HYPERLINK(\"http://evil.example\")", ct))).Succeeded);

        using var response = await session.Client.GetAsync($"/admin/audit/export.csv?subjectId={Uri.EscapeDataString(member.Id)}", TestContext.Current.CancellationToken);
        var csv = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,occurred_at_utc,actor,action,subject,details", lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.Contains("\"member.suspend\"", row);
        Assert.EndsWith("\"'=HYPERLINK(\"\"http://evil.example\"\")\"", row.TrimEnd('\r'));
    }

    [Fact]
    public async Task AuditEntries_WhenTheMemberDeletesTheirAccount_StayWithTheirNames()
    {
        var (admin, _) = await fixture.SignedInAdminAsync();
        var member = await TestAccounts.CreateAsync(App, "Leaver", SiteRoles.Member);
        Assert.True((await fixture.AsAsync(admin, (s, p, ct) => s.SuspendAsync(p, member.Id, "Spam.", ct))).Succeeded);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByIdAsync(member.Id))!)).Succeeded);
        }

        await using var db = await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var entry = await db.AuditLog.SingleAsync(e => e.SubjectDisplay != null && e.SubjectDisplay.Contains(member.Email!), TestContext.Current.CancellationToken);
        Assert.Null(entry.SubjectUserId);
        Assert.Equal(admin.Id, entry.ActorUserId);
        Assert.Equal(AuditActions.MemberSuspend, entry.Action);
    }
}
