using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Admin;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Admin;

/// <summary>
/// The change and its audit entry commit together. Here the database itself refuses audit rows (a trigger in this
/// class's own database), so any change that still stuck would have escaped the audit log.
/// </summary>
public sealed class AuditAtomicityTests(AdminFixture fixture) : IClassFixture<AdminFixture>, IAsyncLifetime
{
    private CollabHubApp App => fixture.App;

    public async ValueTask InitializeAsync() => await ExecuteAsync("""
        CREATE OR REPLACE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the audit log is unavailable'; END $$;
        CREATE OR REPLACE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION test_refuse_audit();
        """);

    public async ValueTask DisposeAsync() => await ExecuteAsync("DROP TRIGGER IF EXISTS test_refuse_audit ON audit_log");

    [Fact]
    public async Task SetRoles_WhenTheAuditEntryCannotBeWritten_RoleIsNotAssigned()
    {
        var (admin, member) = await AdminAndMemberAsync();

        var outcome = await fixture.AsAsync(admin, (s, p, ct) => s.SetRolesAsync(p, member.Id, [SiteRoles.Member, SiteRoles.Moderator], ct));

        Assert.Equal(AdminOutcome.Refused("The change could not be saved, so nothing was changed. Please try again."), outcome);
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Equal([SiteRoles.Member], await users.GetRolesAsync((await users.FindByIdAsync(member.Id))!));
    }

    [Fact]
    public async Task Suspend_WhenTheAuditEntryCannotBeWritten_MemberStaysActiveAndSignedIn()
    {
        var (admin, member) = await AdminAndMemberAsync();
        var stampBefore = member.SecurityStamp;

        var outcome = await fixture.AsAsync(admin, (s, p, ct) => s.SuspendAsync(p, member.Id, "Spam.", ct));

        Assert.False(outcome.Succeeded);
        await using var scope = App.Services.CreateAsyncScope();
        var stored = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(member.Id))!;
        Assert.Null(stored.SuspendedAt);
        Assert.Null(stored.LockoutEnd);
        Assert.Equal(stampBefore, stored.SecurityStamp);
    }

    private async Task<(ApplicationUser Admin, ApplicationUser Member)> AdminAndMemberAsync() =>
        (await TestAccounts.CreateAsync(App, "Admin", SiteRoles.Administrator), await TestAccounts.CreateAsync(App, "Member", SiteRoles.Member));

    private async Task ExecuteAsync(string sql)
    {
        await using var db = DesignTimeAppDbContextFactory.Create(PostgresServer.WithoutPooling(fixture.ConnectionString));
        await db.Database.ExecuteSqlRawAsync(sql);
    }
}
