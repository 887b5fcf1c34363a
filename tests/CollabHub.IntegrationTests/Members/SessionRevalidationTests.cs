using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Admin;
using CollabHub.Web.Features.Members;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Members;

/// <summary>
/// A live circuit's sign-in is re-checked against the account's security stamp, so anything that renews the stamp
/// (password change, suspension, "sign out everywhere") ends the session of an open page within the interval.
/// </summary>
public sealed class SessionRevalidationTests(PostgresServer postgres) : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private CollabHubApp app = null!;

    public async ValueTask InitializeAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync(nameof(SessionRevalidationTests));
        app = new CollabHubApp(connectionString, Settings);
    }

    private static Dictionary<string, string?> Settings => new()
    {
        ["Members:Security:RevalidationInterval"] = Interval.ToString(),
    };

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public Task OpenCircuit_WhenTheSecurityStampChanges_IsSignedOutWithinTheInterval() =>
        AssertSignedOutWithinTheIntervalAfterAsync("stamp", async (services, user) =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id))!);
        });

    [Fact]
    public Task OpenCircuit_WhenAnAdministratorSuspendsTheMember_IsSignedOutWithinTheInterval() =>
        AssertSignedOutWithinTheIntervalAfterAsync("suspended", async (services, user) =>
        {
            var admin = await TestAccounts.CreateAsync(app, "Admin", SiteRoles.Administrator);
            var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(admin);
            var outcome = await services.GetRequiredService<MemberAdministrationService>()
                .SuspendAsync(principal, user.Id, "Posted spam.", TestContext.Current.CancellationToken);
            Assert.True(outcome.Succeeded, outcome.Message);
        });

    /// <summary>A page rendered once over HTTP is not revalidated (the cookie handler checked it for the request); a circuit is.</summary>
    [Fact]
    public async Task RequestScope_GetsThePlainProvider_ACircuitsScopeTheRevalidatingOne()
    {
        var accessor = app.Services.GetRequiredService<IHttpContextAccessor>();
        await using var request = app.Services.CreateAsyncScope();
        await using var circuit = app.Services.CreateAsyncScope();
        accessor.HttpContext = new DefaultHttpContext { RequestServices = request.ServiceProvider };
        try
        {
            Assert.IsNotAssignableFrom<RevalidatingServerAuthenticationStateProvider>(request.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
            Assert.IsAssignableFrom<RevalidatingServerAuthenticationStateProvider>(circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    [Fact]
    public async Task OpenCircuit_WhileNothingChanges_StaysSignedIn()
    {
        var (scope, circuit, _) = await OpenCircuitAsync(app, "steady");
        await using var _ = scope;
        var signedOut = WhenSignedOut(circuit);

        var completed = await Task.WhenAny(signedOut, Task.Delay(Interval * 4, TestContext.Current.CancellationToken));

        Assert.NotSame(signedOut, completed);
        var state = await circuit.GetAuthenticationStateAsync();
        Assert.True(state.User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task OpenCircuit_WhenTheAppStops_LeavesNoErrorInTheLog()
    {
        var logs = new CapturedLogs();
        var stopping = new CollabHubApp(await postgres.CreateDatabaseAsync(nameof(SessionRevalidationTests) + "Stop"), Settings)
        {
            TestServices = logs.AddTo,
        };
        var (scope, _, _) = await OpenCircuitAsync(stopping, "stopping");

        // A deploy: the app stops while a member's page is still open, and its revalidation comes round again.
        await stopping.DisposeAsync();
        await Task.Delay(Interval * 3, TestContext.Current.CancellationToken);

        Assert.Empty(logs.Errors);
        await scope.DisposeAsync();
    }

    private async Task AssertSignedOutWithinTheIntervalAfterAsync(string name, Func<IServiceProvider, ApplicationUser, Task> change)
    {
        var (scope, circuit, user) = await OpenCircuitAsync(app, name);
        await using var _ = scope;
        var signedOut = WhenSignedOut(circuit);

        await using (var other = app.Services.CreateAsyncScope())
        {
            await change(other.ServiceProvider, user);
        }

        var completed = await Task.WhenAny(signedOut, Task.Delay(Interval * 10, TestContext.Current.CancellationToken));
        Assert.Same(signedOut, completed);
    }

    /// <summary>Gives the app's own circuit authentication provider a signed-in member, as a circuit's start does.</summary>
    /// <remarks>The caller disposes the scope, which ends the circuit's revalidation loop.</remarks>
    private static async Task<(AsyncServiceScope Scope, AuthenticationStateProvider Circuit, ApplicationUser User)> OpenCircuitAsync(
        CollabHubApp app, string name)
    {
        var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"{name}-{Guid.NewGuid():N}@ohchr.org";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        var created = await users.CreateAsync(user, "a perfectly fine passphrase");
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));

        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        var circuit = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        ((IHostEnvironmentAuthenticationStateProvider)circuit).SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return (scope, circuit, user);
    }

    private static Task WhenSignedOut(AuthenticationStateProvider circuit)
    {
        var signedOut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        circuit.AuthenticationStateChanged += async task =>
        {
            if ((await task).User.Identity?.IsAuthenticated != true)
            {
                signedOut.TrySetResult();
            }
        };
        return signedOut.Task;
    }
}
