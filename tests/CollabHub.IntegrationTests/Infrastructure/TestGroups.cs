using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Live;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>
/// Groups and memberships written straight to the database, for tests about what members do inside a group (chat,
/// discussions) rather than how they join it; the group tests drive the real group services instead.
/// </summary>
public static class TestGroups
{
    public static async Task<Group> CreateAsync(
        WebApplicationFactory<Program> app, GroupVisibility visibility, string name, params (ApplicationUser User, GroupRole Role)[] members)
    {
        var now = DateTimeOffset.UtcNow;
        var group = new Group
        {
            Slug = $"t-{Guid.NewGuid():N}"[..20],
            Name = name,
            Summary = "A group for a test.",
            Visibility = visibility,
            JoinPolicy = visibility == GroupVisibility.Hidden ? GroupJoinPolicy.Invitation : GroupJoinPolicy.Open, // the database requires it of hidden groups
            CreatedAt = now,
            LastActivityAt = now,
            MemberCount = members.Length,
        };
        await using var db = await ContextAsync(app);
        db.Groups.Add(group);
        foreach (var (user, role) in members)
        {
            db.GroupMemberships.Add(new GroupMembership { GroupId = group.Id, UserId = user.Id, Role = role, JoinedAt = now });
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return group;
    }

    public static async Task AddMemberAsync(WebApplicationFactory<Program> app, Group group, ApplicationUser user, GroupRole role = GroupRole.Member)
    {
        await using var db = await ContextAsync(app);
        db.GroupMemberships.Add(new GroupMembership { GroupId = group.Id, UserId = user.Id, Role = role, JoinedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        await db.Groups.Where(g => g.Id == group.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.MemberCount, g => g.MemberCount + 1), TestContext.Current.CancellationToken);
    }

    /// <summary>Bans <paramref name="people"/> from <paramref name="group"/> (none of them a member).</summary>
    public static async Task BanAsync(WebApplicationFactory<Program> app, Group group, IEnumerable<ApplicationUser> people)
    {
        await using var db = await ContextAsync(app);
        db.GroupBans.AddRange(people.Select(p => new GroupBan { GroupId = group.Id, UserId = p.Id, Reason = "Test", CreatedAt = DateTimeOffset.UtcNow }));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>What the groups service does when a member leaves or is removed: delete the row, commit, publish.</summary>
    public static async Task RemoveMemberAsync(WebApplicationFactory<Program> app, Group group, ApplicationUser user)
    {
        await using (var db = await ContextAsync(app))
        {
            var removed = await db.GroupMemberships
                .Where(m => m.GroupId == group.Id && m.UserId == user.Id)
                .ExecuteDeleteAsync(TestContext.Current.CancellationToken);
            Assert.Equal(1, removed);
            await db.Groups.Where(g => g.Id == group.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.MemberCount, g => g.MemberCount - 1), TestContext.Current.CancellationToken);
        }

        await app.Services.GetRequiredService<ILiveEvents>()
            .PublishAsync(LiveTopics.Group(group.Id), new GroupMembershipRemoved(group.Id, user.Id), TestContext.Current.CancellationToken);
    }

    private static Task<AppDbContext> ContextAsync(WebApplicationFactory<Program> app) =>
        app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
}
