using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Groups;

/// <summary>The demo hub's groups look lived in, and every number they show matches the rows behind it.</summary>
public sealed class GroupsDemoSeedTests(PostgresServer postgres)
{
    [Fact]
    public async Task DemoSeed_FillsTheFoundingGroups_AddsAPrivateAndAHiddenGroup_WithConsistentCounts()
    {
        var ct = TestContext.Current.CancellationToken;
        var printer = new RecordingCredentialsPrinter();
        await using var app = await DemoSeededApp.CreateAsync(postgres, "demoseed", printer);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Seeding again is a no-op: every step is recorded once.
            await scope.ServiceProvider.GetRequiredService<DemoSeed>().RunAsync(ct);
        }

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        var admin = await db.Users.SingleAsync(u => u.Email == MembersDemoSeed.AdminEmail, ct);
        var founding = await db.Groups.Where(g => g.Slug == "un-behavioural-science-group" || g.Slug == "call-to-action-for-human-rights").ToListAsync(ct);
        Assert.Equal(2, founding.Count);
        Assert.All(founding, g =>
        {
            Assert.NotEmpty(g.Topics);
            Assert.True(db.GroupMemberships.Any(m => m.GroupId == g.Id && m.UserId == admin.Id && m.Role == GroupRole.Owner));
        });

        var hidden = await db.Groups.SingleAsync(g => g.Visibility == GroupVisibility.Hidden, ct);
        Assert.Equal(GroupJoinPolicy.Invitation, hidden.JoinPolicy);
        Assert.True(await db.GroupInvitations.AnyAsync(i => i.GroupId == hidden.Id && i.Status == GroupInvitationStatus.Pending, ct));
        var isPrivate = await db.Groups.SingleAsync(g => g.Visibility == GroupVisibility.Private, ct);
        Assert.Equal(2, await db.GroupJoinRequests.CountAsync(r => r.GroupId == isPrivate.Id && r.Status == GroupJoinRequestStatus.Pending, ct));

        foreach (var group in await db.Groups.ToListAsync(ct))
        {
            Assert.Equal(await db.GroupMemberships.CountAsync(m => m.GroupId == group.Id, ct), group.MemberCount);
            Assert.True(await db.GroupMemberships.AnyAsync(m => m.GroupId == group.Id && m.Role == GroupRole.Owner, ct), $"{group.Slug} has an owner");
        }

        var colleagues = await db.Users.Where(u => u.Email!.EndsWith("@collabhub.example") && u.Id != admin.Id).ToListAsync(ct);
        Assert.True(colleagues.Count >= 8);
        Assert.All(colleagues, c => Assert.True(c.EmailConfirmed && c.PasswordHash is not null));
        Assert.Equal(colleagues.Count, await db.MemberProfiles.CountAsync(p => colleagues.Select(c => c.Id).Contains(p.UserId) && p.DutyStation != "" && p.OrganisationCode != null, ct));
        Assert.Equal([MembersDemoSeed.AdminEmail], printer.Printed.Select(p => p.Email));
    }
}
