using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;

namespace CollabHub.Web.Features.Groups;

public static class GroupsFeature
{
    public static IServiceCollection AddGroups(this IServiceCollection services)
    {
        services.AddSingleton<CoverImageProcessor>();
        services.AddScoped<GroupService>();
        services.AddScoped<GroupAccessService>();
        services.AddScoped<GroupMembershipService>();
        services.AddScoped<GroupInvitationService>();
        services.AddScoped<GroupMails>();
        services.AddScoped<IPersonalDataSource, GroupPersonalData>();
        services.AddScoped<IAccountLeaving, GroupAccountLeaving>();
        services.AddScoped<IPersonalDataSource, GroupJoiningPersonalData>();
        services.AddScoped<IDemoSeedStep, GroupsDemoSeed>();
        services.AddScoped<IDemoSeedStep, GroupsCommunityDemoSeed>();
        return services;
    }

    public static WebApplication MapGroups(this WebApplication app)
    {
        GroupEndpoints.Map(app);
        return app;
    }
}
