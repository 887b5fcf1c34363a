using System.Net;
using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Groups;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Foundation;

public sealed class WebTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/groups")]
    [InlineData("/app.css")]
    [InlineData("/health/live")]
    [InlineData("/no-such-page")]
    public async Task EveryResponse_CarriesSecurityHeaders(string path)
    {
        var response = await fixture.App.CreateClient().GetAsync(path, TestContext.Current.CancellationToken);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task UnknownRoute_RendersTheSitesOwnNotFoundPage()
    {
        var html = await NotFoundPageAsync("/groups/this/does/not/exist");

        Assert.Contains("Skip to main content", html); // inside the site layout, not a bare error
        Assert.Contains("<title>Page not found · CollabHub</title>", html);
    }

    [Theory]
    [InlineData("/bench/page")]
    [InlineData("/bench/bare")]
    [InlineData("/bench/circuit")]
    [InlineData("/bench/heap")]
    [InlineData("/bench/allocated")]
    [InlineData("/bench/jit")]
    [InlineData("/bench/db-operations")]
    public async Task BenchmarkProbes_AreTheSitesNotFoundPage_UnlessTheBenchmarkTurnsThemOn(string path) =>
        await NotFoundPageAsync(path);

    /// <summary>The page at <paramref name="path"/>, after checking it is the site's own "not found" page.</summary>
    private async Task<string> NotFoundPageAsync(string path)
    {
        var response = await fixture.App.CreateClient().GetAsync(path, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("We could not find that page", html);
        return html;
    }

    [Fact]
    public async Task ServerError_ShowsFriendlyPageWithRequestId_AndNoStackTrace()
    {
        await using var failing = fixture.App.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddTransient<IStartupFilter, ThrowingEndpoint>()));

        var response = await failing.CreateClient().GetAsync(ThrowingEndpoint.Path, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong on our side", html);
        var requestId = Assert.Single(response.Headers.GetValues("X-Request-Id"));
        Assert.Contains(requestId, html);
        Assert.DoesNotContain(ThrowingEndpoint.Secret, html);
        Assert.DoesNotContain("InvalidOperationException", html);
        Assert.DoesNotContain("   at ", html);
    }

    [Fact]
    public async Task HomePage_ExplainsTheHubAndListsListedGroupsButNotHiddenOnes()
    {
        var ct = TestContext.Current.CancellationToken;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var contexts = fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            db.Groups.Add(new Group { Slug = $"open-{suffix}", Name = $"Open circle {suffix}", Summary = "Anyone may join.", Visibility = GroupVisibility.Public });
            db.Groups.Add(new Group { Slug = $"closed-{suffix}", Name = $"Closed circle {suffix}", Summary = "Members only.", Visibility = GroupVisibility.Private });
            db.Groups.Add(new Group
            {
                Slug = $"secret-{suffix}", Name = $"Secret circle {suffix}", Summary = "Nobody knows.",
                Visibility = GroupVisibility.Hidden, JoinPolicy = GroupJoinPolicy.Invitation,
            });
            await db.SaveChangesAsync(ct);
        }

        var html = await fixture.App.CreateClient().GetStringAsync("/", ct);

        Assert.Contains("CollabHub brings together colleagues from across the UN system", html);
        Assert.Contains($"Open circle {suffix}", html);
        // Private groups are listed with their name and summary; hidden ones never.
        Assert.Contains($"Closed circle {suffix}", html);
        Assert.DoesNotContain($"Secret circle {suffix}", html);
        Assert.Contains("href=\"groups\"", html);
        Assert.Contains("Account/Register", html);
    }

    [Fact]
    public async Task Groups_RejectsInvalidSlugAtTheDatabase()
    {
        var ct = TestContext.Current.CancellationToken;
        var contexts = fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Groups.Add(new Group { Slug = "Not A Slug!", Name = "Bad", Summary = "" });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));

        Assert.Contains("ck_groups_slug_format", error.InnerException?.Message);
    }

    /// <summary>Appends, after the app's own pipeline, an endpoint that fails the way a bug would.</summary>
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public const string Path = "/__test/throw";
        public const string Secret = "connection-secret-that-must-not-leak";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(Path, branch => branch.Run(_ => throw new InvalidOperationException(Secret)));
        };
    }
}
