using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using CollabHub.Web.Features.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>
/// A browser-like session against the test server: keeps cookies, does not follow redirects, and fills in the
/// antiforgery token and Blazor form name the way a page's own form would. Also creates confirmed accounts directly.
/// </summary>
public sealed partial class AdminTestSession : IDisposable
{
    public const string AuthCookieName = ".AspNetCore.Identity.Application";

    private AdminTestSession(CollabHubApp app)
    {
        Client = app.CreateDefaultClient(new CookieContainerHandler(Cookies));
    }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Client { get; }

    public bool HasAuthCookie => Cookies.GetCookies(Client.BaseAddress!).Any(c => c.Name == AuthCookieName);

    public static AdminTestSession Anonymous(CollabHubApp app) => new(app);

    /// <summary>A unique address for a test's own account.</summary>
    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}"[..(who.Length + 9)] + "@example.org";

    /// <summary>A random password that meets any reasonable policy; never a fixed one.</summary>
    public static string NewPassword() => $"Pw-{Guid.NewGuid():N}-aZ9!";

    /// <summary>Creates a confirmed account with these site roles (creating the roles when the database has none).</summary>
    public static async Task<ApplicationUser> CreateUserAsync(CollabHubApp app, string email, string? password, params string[] roles)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var roleManager = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in SiteRoles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                await roleManager.CreateAsync(new IdentityRole(role));
            }
        }

        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = email[..email.IndexOf('@', StringComparison.Ordinal)],
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        if (roles.Length > 0)
        {
            Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        }

        return user;
    }

    /// <summary>The principal a signed-in <paramref name="user"/> carries, for calling services directly.</summary>
    public static async Task<ClaimsPrincipal> PrincipalAsync(CollabHubApp app, ApplicationUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await factory.CreateAsync((await users.FindByIdAsync(user.Id))!);
    }

    /// <summary>Signs in through the sign-in page; the session then carries the auth cookie.</summary>
    public static async Task<AdminTestSession> SignInAsync(CollabHubApp app, string email, string password)
    {
        var session = new AdminTestSession(app);
        var response = await session.TrySignInAsync(email, password);
        Assert.True(session.HasAuthCookie, $"Sign-in as {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return session;
    }

    /// <summary>Posts the sign-in form and returns the response, signed in or not.</summary>
    public Task<HttpResponseMessage> TrySignInAsync(string email, string password) =>
        PostFormAsync("/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    public Task<HttpResponseMessage> GetAsync(string path) => Client.GetAsync(path, TestContext.Current.CancellationToken);

    public Task<string> GetStringAsync(string path) => Client.GetStringAsync(path, TestContext.Current.CancellationToken);

    /// <summary>Loads <paramref name="pagePath"/> for its antiforgery token, then posts the named form to it.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pagePath, string formName, Dictionary<string, string> fields, IEnumerable<KeyValuePair<string, string>>? repeated = null)
    {
        var page = await GetStringAsync(pagePath);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"No antiforgery token on {pagePath}");
        var form = new List<KeyValuePair<string, string>>
        {
            new("_handler", formName),
            new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)),
        };
        form.AddRange(fields);
        form.AddRange(repeated ?? []);
        using var content = new FormUrlEncodedContent(form);
        return await Client.PostAsync(pagePath, content, TestContext.Current.CancellationToken);
    }

    /// <summary>Follows one redirect (post-redirect-get) and returns the page it leads to.</summary>
    public async Task<string> FollowAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await GetStringAsync(response.Headers.Location!.ToString());
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
