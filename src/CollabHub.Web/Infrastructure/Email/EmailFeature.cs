using CollabHub.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace CollabHub.Web.Infrastructure.Email;

/// <summary>The transactional outbox, its background dispatcher, the transports, and the mail pages.</summary>
public static class EmailFeature
{
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();

        services.AddSingleton<EmailRenderer>();
        services.AddSingleton<IEmailOutbox, EmailOutbox>();
        services.AddSingleton<OutboxSignal>();
        // Picked up by AddData's context options, so every AppDbContext (Identity's too) signals committed mail.
        services.AddSingleton<IInterceptor, OutboxSignalInterceptor>();

        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<PickupDirectoryTransport>();
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.UsesSmtp
            ? sp.GetRequiredService<SmtpMailTransport>()
            : sp.GetRequiredService<PickupDirectoryTransport>());
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<OutboxDelivery>();
        services.AddHostedService<OutboxDispatcher>();

        services.AddScoped<EmailAdminService>();
        return services;
    }

    public static WebApplication MapEmail(this WebApplication app)
    {
        // The pages (/dev/mail, /admin/email) are routable components; nothing else to map. Resolving PublicUrls here
        // makes a malformed App:PublicBaseUrl stop start-up instead of the first mail.
        _ = app.Services.GetRequiredService<PublicUrls>();
        return app;
    }
}
