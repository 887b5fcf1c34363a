using CollabHub.Web.Features.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>Members made straight through Identity, each with a unique address, for tests about what they can do.</summary>
public static class TestMembers
{
    public const string Password = "a perfectly fine passphrase";

    public static async Task<ApplicationUser> CreateAsync(
        this WebApplicationFactory<Program> app, string name = "member", bool confirmed = true, params string[] roles)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"{name}-{Guid.NewGuid():N}@un.org";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = confirmed, DisplayName = name };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        foreach (var role in roles)
        {
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        return user;
    }

    /// <summary>The member as the database has it now.</summary>
    public static async Task<ApplicationUser> ReloadAsync(this WebApplicationFactory<Program> app, ApplicationUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException($"Member {user.Id} is gone.");
    }
}
