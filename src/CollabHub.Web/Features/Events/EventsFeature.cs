using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;

namespace CollabHub.Web.Features.Events;

public static class EventsFeature
{
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddSingleton<EventCalendar>();
        services.AddSingleton<EventMails>();
        services.AddSingleton<RegistrationDesk>();
        services.AddScoped<EventService>();
        services.AddScoped<EventRegistrationService>();
        services.AddScoped<CalendarFeedService>();
        services.AddScoped<IDemoSeedStep, EventsDemoSeed>();
        services.AddScoped<IPersonalDataSource, EventPersonalData>();
        services.AddScoped<IAccountLeaving, EventAccountLeaving>();
        services.AddSingleton<EventReminderService>();
        services.AddHostedService(sp => sp.GetRequiredService<EventReminderService>());
        return services;
    }

    public static WebApplication MapEvents(this WebApplication app)
    {
        EventEndpoints.Map(app);
        return app;
    }
}
