using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;

namespace CollabHub.Web.Features.Discussions;

public static class DiscussionsFeature
{
    public static IServiceCollection AddDiscussions(this IServiceCollection services)
    {
        services.AddOptions<DiscussionOptions>()
            .BindConfiguration(DiscussionOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.PostInterval > TimeSpan.Zero && o.NewAccountPostInterval > TimeSpan.Zero, "Discussions post intervals must be positive.")
            .ValidateOnStart();
        services.AddSingleton<PostMarkup>();
        services.AddSingleton<PostingRateLimiter>();
        services.AddScoped<DiscussionService>();
        services.AddScoped<IPersonalDataSource, DiscussionPersonalData>();
        services.AddScoped<IDemoSeedStep, DiscussionsDemoSeed>();
        return services;
    }
}
