using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CollabHub.Web.Features.Members.Security;

/// <summary>
/// When and where Identity's cookie check runs. Identity resolves its <see cref="ISecurityStampValidator"/> (and with
/// it SignInManager, UserManager, the user store and a DbContext) from the request's services on every signed-in
/// request, though it validates only once per interval; and a circuit's or hub connection's WebSocket request keeps its
/// request scope for the connection's whole life.
/// <list type="bullet">
/// <item>The validator is called exactly when it would validate (a ticket with no issue time, or one older than the
/// interval, by the validator's own clock), so nothing is checked less often. A heap dump of 50 open chat tabs held
/// one DbContext (with its own service scope) per tab before.</item>
/// <item>When it does validate, it runs in a service scope of its own, disposed as soon as it has decided, so a
/// WebSocket request keeps nothing of it. In a benchmark run, hub connections opened with due cookies each kept
/// their request's DbContext with its database connection open (a dump showed it in the WebSocket request's scope,
/// idle, no transaction): 100 open connections pinned Npgsql's whole pool, and every other request waited 15 s for one
/// and failed. A real crowd does that after a deploy, when every open tab reconnects at once.</item>
/// </list>
/// </summary>
public static class SecurityStampSchedule
{
    public static void ValidateOnlyWhenDue(CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validate = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = context => IsDue(context) ? ValidateInOwnScopeAsync(context, validate) : Task.CompletedTask;
    }

    internal static bool IsDue(CookieValidatePrincipalContext context)
    {
        if (context.Properties.IssuedUtc is not { } issued)
        {
            return true;
        }

        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        return now - issued >= options.ValidationInterval;
    }

    private static async Task ValidateInOwnScopeAsync(CookieValidatePrincipalContext context, Func<CookieValidatePrincipalContext, Task> validate)
    {
        var http = context.HttpContext;
        var requestServices = http.RequestServices;
        await using var scope = requestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        http.RequestServices = scope.ServiceProvider;
        try
        {
            await validate(context);
        }
        finally
        {
            http.RequestServices = requestServices;
        }
    }
}
