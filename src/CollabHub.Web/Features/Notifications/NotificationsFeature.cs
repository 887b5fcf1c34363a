using CollabHub.Web.Features.Members;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CollabHub.Web.Features.Notifications;

public static class NotificationsFeature
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section));
        services.AddSingleton<INotifier, Notifier>();
        services.AddSingleton<DiscussionNotices>();
        services.AddSingleton<GroupNotices>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<NotificationMailer>();
        services.AddSingleton<NotificationMailStaging>();
        // Picked up by AddData's context options, like the outbox's commit signal: every context's notifications mail and ring.
        services.AddSingleton<IInterceptor, NotificationCommitInterceptor>();
        services.AddSingleton<NotificationService>();
        services.AddSingleton<NotificationPreferencesService>();
        services.AddSingleton<NotificationDigestService>();
        services.AddHostedService<NotificationDigestWorker>();
        services.AddScoped<IPersonalDataSource, NotificationPersonalData>();
        return services;
    }

    public static WebApplication MapNotifications(this WebApplication app)
    {
        NotificationEndpoints.Map(app);
        return app;
    }
}
