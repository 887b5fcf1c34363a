using System.Net;
using CollabHub.Web.Features.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>Signing members in over HTTP, through the real sign-in form, for tests that need a signed-in browser.</summary>
public static class MemberSessions
{
    /// <summary>The application cookie Identity sets on sign-in.</summary>
    public const string AuthCookieName = ".AspNetCore.Identity.Application";

    /// <summary>A new confirmed member with a unique e-mail address, signed in through /Account/Login.</summary>
    public static async Task<MemberSession> SignInNewMemberAsync(this CollabHubApp app, string? displayName = null, CancellationToken cancellationToken = default)
    {
        var unique = Guid.NewGuid().ToString("N")[..12];
        var email = $"member-{unique}@collabhub.test";
        var password = $"Pw-{Guid.NewGuid():N}-Aa1!";
        var name = displayName ?? $"Member {unique}";
        var userId = await app.CreateMemberAsync(email, password, name);
        var client = await app.SignInAsync(email, password, cancellationToken);
        return new MemberSession(client, userId, email, password, name);
    }

    /// <summary>Creates a confirmed account directly through the app's UserManager; returns its id.</summary>
    public static async Task<string> CreateMemberAsync(this CollabHubApp app, string email, string password, string displayName)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not create the test member: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        return user.Id;
    }

    /// <summary>A client (cookies kept, redirects not followed) signed in by posting the /Account/Login form.</summary>
    public static async Task<HttpClient> SignInAsync(this CollabHubApp app, string email, string password, CancellationToken cancellationToken = default)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var loginPage = await client.GetStringAsync("/Account/Login", cancellationToken);
        var token = MemberSession.AntiforgeryToken(loginPage);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

        var response = await client.PostAsync("/Account/Login", form, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect || !response.Headers.TryGetValues("Set-Cookie", out var cookies)
            || !cookies.Any(c => c.StartsWith(AuthCookieName, StringComparison.Ordinal)))
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            client.Dispose();
            throw new InvalidOperationException($"Signing in {email} failed: {(int)response.StatusCode}. {body[..Math.Min(body.Length, 500)]}");
        }

        return client;
    }
}
