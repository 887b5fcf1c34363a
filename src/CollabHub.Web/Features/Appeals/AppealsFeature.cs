using System.Threading.RateLimiting;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CollabHub.Web.Features.Appeals;

public static class AppealsFeature
{
    public static IServiceCollection AddAppeals(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AppealOptions>().Bind(configuration.GetSection(AppealOptions.Section));
        services.AddSingleton<VisitorAttemptLimiter>();
        services.AddSingleton<AppealLive>();
        services.AddScoped<AppealMails>();
        services.AddScoped<AppealService>();
        services.AddScoped<AppealQueries>();
        services.AddScoped<EndorsementService>();
        services.AddScoped<IDemoSeedStep, AppealsDemoSeed>();
        services.AddScoped<IPersonalDataSource, AppealPersonalData>();

        // Visitors' posts (endorse by e-mail, confirm, withdraw) per client address, as a named policy beside the
        // account forms' global limiter; a rejection is the same friendly 429 page.
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AppealOptions>>((limiter, appeals) =>
            limiter.AddPolicy(AppealEndpoints.VisitorRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = appeals.Value.PerIpPermits, Window = appeals.Value.PerIpWindow, QueueLimit = 0 })));
        return services;
    }

    public static WebApplication MapAppeals(this WebApplication app)
    {
        AppealEndpoints.Map(app);
        return app;
    }
}
