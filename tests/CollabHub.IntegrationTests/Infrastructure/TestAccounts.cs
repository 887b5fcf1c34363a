using System.Security.Claims;
using System.Text.RegularExpressions;
using CollabHub.Web.Features.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>Accounts made straight through Identity, each with its own address, for tests that are not about registering.</summary>
public static partial class TestAccounts
{
    public const string Password = "Test-Passw0rd!";

    /// <summary>A confirmed account with a unique address (from <paramref name="name"/>) in the given site roles.</summary>
    public static Task<ApplicationUser> CreateAsync(WebApplicationFactory<Program> app, string name, params string[] roles) =>
        CreateAsync(app, new NewAccount(name) { Roles = roles });

    /// <summary>The account described by <paramref name="account"/>; the site roles exist afterwards, whoever asked for them.</summary>
    public static async Task<ApplicationUser> CreateAsync(WebApplicationFactory<Program> app, NewAccount account)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>(), account.Roles);
        var user = new ApplicationUser
        {
            UserName = account.Email,
            Email = account.Email,
            EmailConfirmed = account.EmailConfirmed,
            DisplayName = account.DisplayName,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        Succeeded(account.Password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, account.Password));
        if (account.Roles.Count > 0)
        {
            Succeeded(await users.AddToRolesAsync(user, account.Roles));
        }

        return user;
    }

    /// <summary>
    /// A new confirmed member (display name <paramref name="displayName"/>, or a unique one) signed in through the sign-in
    /// form, in a browser of their own; the account is the browser's <see cref="TestBrowser.Account"/>.
    /// </summary>
    public static async Task<TestBrowser> SignInNewMemberAsync(
        WebApplicationFactory<Program> app, string? displayName = null, bool followRedirects = true) =>
        await SignInAsync(app, await CreateAsync(app, displayName ?? $"Member {Guid.NewGuid():N}"[..19]), followRedirects);

    /// <summary>A new browser signed in as <paramref name="account"/> (with <see cref="Password"/>) through the sign-in form.</summary>
    public static async Task<TestBrowser> SignInAsync(WebApplicationFactory<Program> app, ApplicationUser account, bool followRedirects = true)
    {
        var browser = new TestBrowser(app, followRedirects);
        try
        {
            await browser.SignInAsync(account);
            return browser;
        }
        catch
        {
            browser.Dispose();
            throw;
        }
    }

    /// <summary>The account as the database has it now.</summary>
    public static async Task<ApplicationUser> ReloadAsync(WebApplicationFactory<Program> app, ApplicationUser account)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.FindByIdAsync(account.Id) ?? throw new InvalidOperationException($"Account {account.Id} is gone.");
    }

    /// <summary>The principal <paramref name="account"/> carries when signed in, for calling services the way a page does.</summary>
    public static async Task<ClaimsPrincipal> PrincipalAsync(WebApplicationFactory<Program> app, ApplicationUser account)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        return await factory.CreateAsync(await ReloadAsync(app, account));
    }

    /// <summary>An address nobody has yet, recognisably <paramref name="name"/>'s: <c>first.admin-0123456789ab@example.org</c>.</summary>
    public static string UniqueEmail(string name)
    {
        var local = NotAllowedInAddress().Replace(name.ToLowerInvariant(), "-").Trim('-');
        return $"{(local.Length == 0 ? "member" : local)}-{Guid.NewGuid():N}"[..^20] + "@example.org";
    }

    /// <summary>A password of its own, for tests that need two different ones.</summary>
    public static string NewPassword() => $"Pw-{Guid.NewGuid():N}-aZ9!";

    private static async Task EnsureRolesAsync(RoleManager<IdentityRole> roleManager, IEnumerable<string> roles)
    {
        foreach (var role in SiteRoles.All.Union(roles))
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                var created = await roleManager.CreateAsync(new IdentityRole(role));
                // Another test may have created it in between; the role existing is all that matters.
                if (!created.Succeeded && !await roleManager.RoleExistsAsync(role))
                {
                    Succeeded(created);
                }
            }
        }
    }

    private static void Succeeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));

    [GeneratedRegex("[^a-z0-9.]+")]
    private static partial Regex NotAllowedInAddress();
}
