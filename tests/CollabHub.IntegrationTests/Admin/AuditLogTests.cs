using System.Net;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Admin;
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
        var (admin, session) = await SignedInAdminAsync();
        var promoted = await AdminTestSession.CreateUserAsync(App, $"promoted-{tag}@example.org", null, SiteRoles.Member);
        var suspended = await AdminTestSession.CreateUserAsync(App, $"suspended-{tag}@example.org", null, SiteRoles.Member);
        await ActAsync(admin, (s, p) => s.SetRolesAsync(p, promoted.Id, [SiteRoles.Member, SiteRoles.Moderator]));
        await ActAsync(admin, (s, p) => s.SuspendAsync(p, suspended.Id, $"Reason {tag}"));

        var suspensions = await session.GetStringAsync($"/admin/audit?action={AuditActions.MemberSuspend}&subject={tag}");
        var aboutPromoted = await session.GetStringAsync($"/admin/audit?subject=PROMOTED-{tag}");
        var byId = await session.GetStringAsync($"/admin/audit?subjectId={Uri.EscapeDataString(suspended.Id)}");

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
        var (admin, session) = await SignedInAdminAsync();
        var member = await AdminTestSession.CreateUserAsync(App, AdminTestSession.NewEmail("csv"), null, SiteRoles.Member);
        await ActAsync(admin, (s, p) => s.SuspendAsync(p, member.Id, "=HYPERLINK(\"http://evil.example\")"));

        var response = await session.GetAsync($"/admin/audit/export.csv?subjectId={Uri.EscapeDataString(member.Id)}");
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
        var (admin, _) = await SignedInAdminAsync();
        var member = await AdminTestSession.CreateUserAsync(App, AdminTestSession.NewEmail("leaver"), null, SiteRoles.Member);
        await ActAsync(admin, (s, p) => s.SuspendAsync(p, member.Id, "Spam."));
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

    private async Task<(ApplicationUser Admin, AdminTestSession Session)> SignedInAdminAsync()
    {
        var password = AdminTestSession.NewPassword();
        var admin = await AdminTestSession.CreateUserAsync(App, AdminTestSession.NewEmail("admin"), password, SiteRoles.Administrator);
        return (admin, await AdminTestSession.SignInAsync(App, admin.Email!, password));
    }

    private async Task ActAsync(ApplicationUser admin, Func<MemberAdministrationService, System.Security.Claims.ClaimsPrincipal, Task<AdminOutcome>> act)
    {
        var principal = await AdminTestSession.PrincipalAsync(App, admin);
        await using var scope = App.Services.CreateAsyncScope();
        var outcome = await act(scope.ServiceProvider.GetRequiredService<MemberAdministrationService>(), principal);
        Assert.True(outcome.Succeeded, outcome.Message);
    }
}
