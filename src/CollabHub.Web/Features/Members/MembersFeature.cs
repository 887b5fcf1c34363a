using CollabHub.Web.Components.Account;
using CollabHub.Web.Features.Members.Security;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CollabHub.Web.Features.Members;

public static class MembersFeature
{
    public static IServiceCollection AddMembers(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddHttpContextAccessor();
        services.AddScoped(IdentityRevalidatingAuthenticationStateProvider.ForScope);

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthorization(Policies.Configure);

        services.AddIdentityCore<ApplicationUser>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddClaimsPrincipalFactory<MemberClaimsPrincipalFactory>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordPolicyValidator>();

        services.AddOptions<AccountSecurityOptions>()
            .BindConfiguration(AccountSecurityOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountSecurityOptions>>((identity, security) =>
        {
            identity.Lockout.AllowedForNewUsers = true;
            identity.Lockout.MaxFailedAccessAttempts = security.Value.LockoutAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = security.Value.LockoutDuration;
        });
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<AccountSecurityOptions>>(
            (validator, security) => validator.ValidationInterval = security.Value.RevalidationInterval);
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, SecurityStampSchedule.ValidateOnlyWhenDue);
        services.Configure<PasswordHasherOptions>(hasher =>
        {
            // V3 is PBKDF2-HMAC-SHA512; hashes made with fewer iterations are rehashed at the next sign-in.
            hasher.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            hasher.IterationCount = PasswordPolicy.HashIterations;
        });
        services.AddSingleton<AccountAttemptLimiter>();
        services.AddScoped<PasswordWorkEqualizer>();
        services.AddScoped<AccountMails>();
        services.AddScoped<PersonalDataExport>();
        services.AddAccountRateLimiting();

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
        options.Password.RequiredLength = PasswordPolicy.MinLength;
        options.Password.RequiredUniqueChars = 1;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
    }

    /// <summary>Middleware the account pages need; after the status-code pages, so a 429 gets the friendly page.</summary>
    public static WebApplication UseMembers(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    public static WebApplication MapMembers(this WebApplication app)
    {
        // The endpoints the Identity /Account components post to (sign-out, passkeys, external logins).
        app.MapAdditionalIdentityEndpoints();
        return app;
    }
}
