using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using CollabHub.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Chat;

/// <summary>Groups and memberships made straight in the database, for chat tests that are not about joining groups.</summary>
public static class ChatTestGroups
{
    public static async Task<Group> CreateAsync(CollabHubApp app, GroupVisibility visibility, params (ApplicationUser User, GroupRole Role)[] members)
    {
        var slug = $"chat-{Guid.NewGuid():N}"[..24];
        var group = new Group { Slug = slug, Name = $"Chat group {slug[5..]}", Summary = "A group for chat tests.", Visibility = visibility };
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Groups.Add(group);
        foreach (var (user, role) in members)
        {
            db.GroupMemberships.Add(new GroupMembership { GroupId = group.Id, UserId = user.Id, Role = role });
        }

        group.MemberCount = members.Length;
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return group;
    }

    public static Task<Group> CreateAsync(CollabHubApp app, params ApplicationUser[] members) =>
        CreateAsync(app, GroupVisibility.Private, [.. members.Select(m => (m, GroupRole.Member))]);

    /// <summary>What the groups service does when a member leaves or is removed: delete the row, commit, publish.</summary>
    public static async Task RemoveMemberAsync(CollabHubApp app, Group group, ApplicationUser member)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var removed = await db.GroupMemberships
            .Where(m => m.GroupId == group.Id && m.UserId == member.Id)
            .ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, removed);
        await scope.ServiceProvider.GetRequiredService<ILiveEvents>()
            .PublishAsync(LiveTopics.Group(group.Id), new GroupMembershipRemoved(group.Id, member.Id), TestContext.Current.CancellationToken);
    }

    /// <summary>Makes the account look older, so the stricter new-account flood limit does not apply.</summary>
    public static async Task AgeAsync(CollabHubApp app, ApplicationUser account, TimeSpan age)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var createdAt = DateTimeOffset.UtcNow - age;
        await db.Users.Where(u => u.Id == account.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.CreatedAt, createdAt), TestContext.Current.CancellationToken);
    }
}
