using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;

namespace CollabHub.Web.Features.Groups;

public static class GroupsFeature
{
    public static IServiceCollection AddGroups(this IServiceCollection services)
    {
        services.AddScoped<GroupService>();
        services.AddScoped<GroupAccessService>();
        services.AddScoped<IPersonalDataSource, GroupPersonalData>();
        services.AddScoped<IDemoSeedStep, GroupsDemoSeed>();
        return services;
    }
}
