namespace CollabHub.Web.Infrastructure.Live;

public static class LiveFeature
{
    /// <summary>The in-process broadcaster; a scale-out deployment registers another <see cref="ILiveEvents"/> instead.</summary>
    public static IServiceCollection AddLiveEvents(this IServiceCollection services)
    {
        services.AddSingleton<InMemoryLiveEvents>();
        services.AddSingleton<ILiveEvents>(sp => sp.GetRequiredService<InMemoryLiveEvents>());
        return services;
    }
}
