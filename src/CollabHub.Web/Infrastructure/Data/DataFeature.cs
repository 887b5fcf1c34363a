using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace CollabHub.Web.Infrastructure.Data;

public static class DataFeature
{
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.AddSingleton<DatabaseEndpoint>();
        services.AddSingleton(sp => new NpgsqlDataSourceBuilder(sp.GetRequiredService<DatabaseEndpoint>().ConnectionString)
            .Build());

        // One short-lived context per operation: a Blazor circuit outlives any request scope.
        // Features contribute interceptors (e.g. the e-mail outbox's commit signal) by registering IInterceptor singletons.
        services.AddDbContextFactory<AppDbContext>((sp, options) =>
            AppDbContextOptions.Configure(options, sp.GetRequiredService<NpgsqlDataSource>())
                .AddInterceptors(sp.GetServices<IInterceptor>()));

        services.AddDataProtection().SetApplicationName("CollabHub").PersistKeysToDbContext<AppDbContext>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddScoped<DatabaseStartup>();
        services.AddScoped<DemoSeed>();
        return services;
    }
}
