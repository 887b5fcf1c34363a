using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CollabHub.Web.Features.Members.Security;

/// <summary>
/// Per-IP limits on the account forms that attackers hammer. Only their POSTs count: reading the form is free.
/// Rejections get status 429, which the status-code page turns into a friendly explanation.
/// </summary>
public static class AccountRateLimiting
{
    private static readonly string[] LimitedPaths =
    [
        "/Account/Login",
        "/Account/LoginWith2fa",
        "/Account/LoginWithRecoveryCode",
        "/Account/Register",
        "/Account/ForgotPassword",
        "/Account/ResendEmailConfirmation",
        "/Account/PerformPasskeyRequest",
    ];

    public static IServiceCollection AddAccountRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AccountSecurityOptions>>((limiter, security) =>
        {
            var settings = security.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)settings.PerIpWindow.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method) || LimitedPath(context.Request.Path) is not { } path)
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter($"{client}|{path}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.PerIpPermits,
                    Window = settings.PerIpWindow,
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }

    private static string? LimitedPath(PathString path) =>
        Array.Find(LimitedPaths, limited => path.Equals(limited, StringComparison.OrdinalIgnoreCase));
}
