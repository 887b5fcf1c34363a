using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Features.Members.Security;

namespace CollabHub.Web.Components.Account;

// Re-checks the connected user's security stamp while a circuit is open, so a suspension, a password change or
// "sign out everywhere" ends this circuit's session within the configured interval (a minute by default).
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        IHostApplicationLifetime lifetime,
        IOptions<IdentityOptions> options,
        IOptions<AccountSecurityOptions> security)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => security.Value.RevalidationInterval;

    /// <summary>
    /// The provider for a service scope: this one for a circuit (its own scope), the plain one for a page rendered
    /// once over HTTP (the request's scope), whose sign-in the cookie handler has just checked. The revalidating
    /// provider starts a loop whenever it is given a sign-in: on a page rendered over HTTP that was a timer and a
    /// TaskCanceledException thrown as the request ended, on every signed-in page (about 2% of the signed-in home
    /// page's CPU in a profile), to guard a session that lasts milliseconds.
    /// </summary>
    public static AuthenticationStateProvider ForScope(IServiceProvider services) =>
        ReferenceEquals(services.GetRequiredService<IHttpContextAccessor>().HttpContext?.RequestServices, services)
            ? new ServerAuthenticationStateProvider()
            : ActivatorUtilities.CreateInstance<IdentityRevalidatingAuthenticationStateProvider>(services);

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // While the app stops, circuits still open outlive its services: the check would fail on a disposed container
        // and the base class would log that as an error, once per open circuit at every deploy. Their sessions end anyway.
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return true;
        }

        try
        {
            // Get the user manager from a new scope to ensure it fetches fresh data
            await using var scope = scopeFactory.CreateAsyncScope();
            var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            return await ValidateSecurityStampAsync(userManager, authenticationState.User);
        }
        catch (ObjectDisposedException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return true;
        }
    }

    private async Task<bool> ValidateSecurityStampAsync(UserManager<ApplicationUser> userManager, ClaimsPrincipal principal)
    {
        var user = await userManager.GetUserAsync(principal);
        if (user is null)
        {
            return false;
        }
        else if (!userManager.SupportsUserSecurityStamp)
        {
            return true;
        }
        else
        {
            var principalStamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
            var userStamp = await userManager.GetSecurityStampAsync(user);
            return principalStamp == userStamp;
        }
    }
}
