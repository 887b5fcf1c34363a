using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CollabHub.Web.Features.Members.Security;

/// <summary>
/// Identity's cookie check resolves its <see cref="ISecurityStampValidator"/> on every signed-in request, and with it
/// SignInManager, UserManager, the user store and a DbContext, though it validates only once per interval. A
/// circuit's WebSocket request keeps that request scope for the tab's whole life: a heap dump of 50 open chat tabs held
/// one DbContext (with its own service scope) per tab. The validator is called exactly when it would validate (a
/// ticket with no issue time, or one older than the interval, by the validator's own clock), so nothing is checked
/// less often.
/// </summary>
public static class SecurityStampSchedule
{
    public static void ValidateOnlyWhenDue(CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validate = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = context => IsDue(context) ? validate(context) : Task.CompletedTask;
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
}
