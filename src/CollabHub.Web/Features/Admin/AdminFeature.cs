using CollabHub.Web.Features.Admin.Audit;
using CollabHub.Web.Features.Admin.Settings;
using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;

namespace CollabHub.Web.Features.Admin;

/// <summary>Site administration: members, roles, suspension, the audit log and the <c>create-admin</c> command.</summary>
public static class AdminFeature
{
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
        services.AddScoped<MemberAdministrationService>();
        services.AddScoped<SiteSettingsService>();
        services.AddScoped<IStartupCommand, CreateAdminCommand>();

        // Replaces Identity's default (e-mail confirmed) with "confirmed and not suspended", for every sign-in route.
        services.AddScoped<IUserConfirmation<ApplicationUser>, SuspensionAwareUserConfirmation>();
        SignInRecorder.Register(services);
        return services;
    }

    public static WebApplication MapAdmin(this WebApplication app)
    {
        app.MapGet("/admin/audit/export.csv", AuditCsvExport.WriteAsync)
            .RequireAuthorization(Policies.Administrator)
            .WithName("AdminAuditExport");
        return app;
    }
}
