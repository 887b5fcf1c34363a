using CollabHub.Web.Features.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>Ready-made confirmed accounts for tests that are not about registering.</summary>
public static class TestAccounts
{
    public const string Password = "Test-Passw0rd!";

    /// <summary>A confirmed account with a unique address (from <paramref name="name"/>) in the given site roles.</summary>
    public static async Task<ApplicationUser> CreateAsync(WebApplicationFactory<Program> app, string name, params string[] roles)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var roleManager = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        Succeeded(await users.CreateAsync(user, Password));
        foreach (var role in roles)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                var created = await roleManager.CreateAsync(new IdentityRole(role));
                // Another test class may have created it in between; the role existing is all that matters.
                if (!created.Succeeded && !await roleManager.RoleExistsAsync(role))
                {
                    Succeeded(created);
                }
            }

            Succeeded(await users.AddToRoleAsync(user, role));
        }

        return user;
    }

    private static void Succeeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
