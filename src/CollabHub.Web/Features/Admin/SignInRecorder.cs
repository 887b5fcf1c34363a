using System.Security.Claims;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CollabHub.Web.Features.Admin;

/// <summary>Keeps <see cref="ApplicationUser.LastSignInAt"/> for the administrators' member list.</summary>
public sealed class SignInRecorder(IDbContextFactory<AppDbContext> contexts, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    /// <summary>Hooks into the application cookie's sign-in event (every sign-in route ends there), keeping any earlier handler.</summary>
    internal static void Register(IServiceCollection services)
    {
        services.AddSingleton<SignInRecorder>();
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            var previous = options.Events.OnSignedIn;
            options.Events.OnSignedIn = async context =>
            {
                await previous(context);
                if (context.Principal is { } principal)
                {
                    await context.HttpContext.RequestServices.GetRequiredService<SignInRecorder>()
                        .RecordAsync(principal, context.HttpContext.RequestAborted);
                }
            };
        });
    }

    public async Task RecordAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var userId = principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        if (userId is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // A direct update: no concurrency-stamp change, so it can't collide with the sign-in's own account writes.
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now), cancellationToken);
    }
}
