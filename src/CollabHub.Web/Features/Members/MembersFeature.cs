using CollabHub.Web.Components.Account;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CollabHub.Web.Features.Members;

public static class MembersFeature
{
    public static IServiceCollection AddMembers(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthorization();

        services.AddIdentityCore<ApplicationUser>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddSingleton<IEmailSender<ApplicationUser>, IdentityEmailSender>();
        services.AddSingleton<DemoCredentialsPrinter>();
        services.AddScoped<IDemoSeedStep, MembersDemoSeed>();
        return services;
    }

    /// <summary>Shared with the design-time tools, whose model must match the app's (schema version 3: passkeys).</summary>
    public static void ConfigureIdentity(IdentityOptions options)
    {
        options.SignIn.RequireConfirmedAccount = true;
        options.User.RequireUniqueEmail = true;
        options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
    }

    public static WebApplication MapMembers(this WebApplication app)
    {
        // The endpoints the Identity /Account components post to (sign-out, passkeys, external logins).
        app.MapAdditionalIdentityEndpoints();
        return app;
    }
}
