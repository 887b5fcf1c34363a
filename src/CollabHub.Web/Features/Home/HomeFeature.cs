namespace CollabHub.Web.Features.Home;

public static class HomeFeature
{
    public static IServiceCollection AddHome(this IServiceCollection services)
    {
        services.AddScoped<HomeService>();
        return services;
    }
}
