using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Chat;

/// <summary>Groups and memberships made straight in the database, for chat tests that are not about joining groups.</summary>
public static class ChatTestGroups
{
    public static Task<Group> CreateAsync(CollabHubApp app, GroupVisibility visibility, params (ApplicationUser User, GroupRole Role)[] members) =>
        TestGroups.CreateAsync(app, visibility, "Chat group", members);

    public static Task<Group> CreateAsync(CollabHubApp app, params ApplicationUser[] members) =>
        CreateAsync(app, GroupVisibility.Private, [.. members.Select(m => (m, GroupRole.Member))]);

    public static Task RemoveMemberAsync(CollabHubApp app, Group group, ApplicationUser member) =>
        TestGroups.RemoveMemberAsync(app, group, member);

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
