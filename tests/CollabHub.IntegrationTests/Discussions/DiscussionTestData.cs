using System.Security.Claims;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Discussions;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Discussions;

/// <summary>
/// Groups, memberships and members for discussion tests (groups through <see cref="TestGroups"/>), plus the real
/// DiscussionService acting as a given member.
/// </summary>
public sealed class DiscussionTestData(WebApplicationFactory<Program> app)
{
    public DiscussionService Service => ActivatorUtilities.CreateInstance<DiscussionService>(app.Services);

    public Task<Group> GroupAsync(GroupVisibility visibility = GroupVisibility.Public, string name = "Test group") =>
        TestGroups.CreateAsync(app, visibility, name);

    /// <summary>A confirmed account that belongs to <paramref name="group"/> in <paramref name="role"/>.</summary>
    public async Task<ApplicationUser> MemberAsync(Group group, string name, GroupRole role = GroupRole.Member)
    {
        var user = await AccountAsync(name);
        await JoinAsync(group, user, role);
        return user;
    }

    /// <summary>A confirmed account named <paramref name="name"/> (spaces allowed) that belongs to no group.</summary>
    public async Task<ApplicationUser> AccountAsync(string name)
    {
        var user = await TestAccounts.CreateAsync(app, new string(name.Where(char.IsAsciiLetterOrDigit).ToArray()), SiteRoles.Member);
        await using var db = await ContextAsync();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, name));
        user.DisplayName = name;
        return user;
    }

    public Task JoinAsync(Group group, ApplicationUser user, GroupRole role = GroupRole.Member) =>
        TestGroups.AddMemberAsync(app, group, user, role);

    /// <summary>Takes the membership away, as a moderator removing them (or the member leaving) would.</summary>
    public Task RemoveAsync(Group group, ApplicationUser user) =>
        TestGroups.RemoveMemberAsync(app, group, user);

    /// <summary>What the app's pages and circuits pass to the service for this member.</summary>
    public static ClaimsPrincipal Principal(ApplicationUser user, bool administrator = false)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user.Id), new(ClaimTypes.Name, user.UserName!) };
        if (administrator)
        {
            claims.Add(new Claim(ClaimTypes.Role, SiteRoles.Administrator));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }

    public async Task<TestBrowser> BrowserAsync(ApplicationUser user)
    {
        var browser = new TestBrowser(app);
        await browser.SignInAsync(user.Email!, TestAccounts.Password);
        return browser;
    }

    /// <summary>A thread started by <paramref name="author"/> through the service.</summary>
    public async Task<PostReceipt> ThreadAsync(Group group, ApplicationUser author, string title = "A thread", string body = "The opening post.") =>
        await Service.StartThreadAsync(Principal(author), group.Slug, title, body);

    public async Task<AppDbContext> ContextAsync() =>
        await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    public async Task<List<DiscussionPost>> PostsAsync(Guid threadId)
    {
        await using var db = await ContextAsync();
        return await db.DiscussionPosts.AsNoTracking().Where(p => p.ThreadId == threadId).OrderBy(p => p.Number).ToListAsync();
    }
}
