using CollabHub.Web.Infrastructure.Images;

namespace CollabHub.Web.Features.Members.Profiles;

public static class ProfilesFeature
{
    public const string AvatarRoute = "/members/{id}/avatar";

    public static IServiceCollection AddMemberProfiles(this IServiceCollection services)
    {
        services.AddSingleton<AvatarImageProcessor>();
        services.AddScoped<ProfileService>();
        services.AddScoped<MemberDirectoryService>();
        services.AddScoped<IPersonalDataSource, ProfilePersonalData>();
        return services;
    }

    public static WebApplication MapMemberProfiles(this WebApplication app)
    {
        app.MapGet(AvatarRoute, ServeAvatarAsync).RequireAuthorization();
        return app;
    }

    /// <summary>The app-relative URL of a member's picture; the version makes a new upload a new URL for caches.</summary>
    public static string AvatarUrl(string userId, Guid version) =>
        $"members/{Uri.EscapeDataString(userId)}/avatar?v={version:N}";

    private static async Task<IResult> ServeAvatarAsync(string id, string? v, HttpContext http, ProfileService profiles, CancellationToken cancellationToken)
    {
        var avatar = await profiles.GetAvatarAsync(http.User, id, cancellationToken);
        if (avatar is null)
        {
            return Results.NotFound();
        }

        return ImageResults.Serve(http, avatar.Content, avatar.ContentType, avatar.Version, v, "avatar.webp");
    }
}
