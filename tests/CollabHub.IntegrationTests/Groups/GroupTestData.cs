using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Groups;

/// <summary>Groups and memberships made directly through the services, for tests that are not about making them.</summary>
internal static class GroupTestData
{
    public static GroupViewer Viewer(ApplicationUser user, bool administrator = false) => new(user.Id, administrator);

    /// <summary>A new group owned by <paramref name="owner"/>, with a unique name; returns its slug.</summary>
    public static async Task<string> CreateAsync(
        WebApplicationFactory<Program> app,
        ApplicationUser owner,
        GroupVisibility visibility = GroupVisibility.Public,
        GroupJoinPolicy? joinPolicy = null,
        string? name = null,
        string topics = "")
    {
        var form = new GroupForm
        {
            Name = name ?? $"Test group {Guid.NewGuid():N}",
            Summary = "A group made by a test.",
            Description = "Made by a test, to be looked at by a test.",
            Topics = topics,
            Visibility = visibility,
            JoinPolicy = joinPolicy ?? (visibility == GroupVisibility.Hidden ? GroupJoinPolicy.Invitation : GroupJoinPolicy.Open),
        };
        var result = await UseAsync<GroupService, GroupSaveResult>(app, groups => groups.CreateAsync(Viewer(owner), form, null));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        return result.Slug!;
    }

    /// <summary>Puts <paramref name="user"/> in the group the way an approved request or invitation would.</summary>
    public static async Task AddMemberAsync(WebApplicationFactory<Program> app, string slug, ApplicationUser user, GroupRole role = GroupRole.Member)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var group = await db.Groups.SingleAsync(g => g.Slug == slug);
        db.GroupMemberships.Add(group.AddMember(user.Id, role, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    public static async Task<T> UseAsync<TService, T>(WebApplicationFactory<Program> app, Func<TService, Task<T>> use)
        where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static async Task<T> QueryAsync<T>(WebApplicationFactory<Program> app, Func<AppDbContext, Task<T>> query)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public static Task<GroupRole?> RoleAsync(WebApplicationFactory<Program> app, string slug, ApplicationUser user) =>
        QueryAsync(app, db => db.GroupMemberships
            .Where(m => m.UserId == user.Id && db.Groups.Any(g => g.Id == m.GroupId && g.Slug == slug))
            .Select(m => (GroupRole?)m.Role)
            .SingleOrDefaultAsync());

    public static Task<Group> GroupAsync(WebApplicationFactory<Program> app, string slug) =>
        QueryAsync(app, db => db.Groups.AsNoTracking().SingleAsync(g => g.Slug == slug));
}
