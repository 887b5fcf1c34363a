namespace CollabHub.Web.Features.Notifications;

public static class NotificationsFeature
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddSingleton<INotifier, Notifier>();
        return services;
    }
}
