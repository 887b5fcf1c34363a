using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace CollabHub.Web.Infrastructure.Data;

public static class DataFeature
{
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.AddSingleton<DatabaseEndpoint>();
        services.AddSingleton(sp =>
        {
            var connectionString = sp.GetRequiredService<DatabaseEndpoint>().ConnectionString;
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            // The app never leaves session state behind (no SET outside a transaction, no temporary tables, LISTEN or
            // session locks), so the DISCARD ALL Npgsql otherwise runs before reusing a pooled connection is an extra
            // statement on every request: the pages benchmark counted 1.8 statements per library page instead of 1.
            // A connection string that says otherwise wins.
            if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
            {
                builder.ConnectionStringBuilder.NoResetOnClose = true;
            }

            // Statements the app runs again and again (a chat send's access check, a page's queries) are prepared on
            // each pooled connection after a few uses, so PostgreSQL stops parsing and planning them every time. In
            // the chat benchmark, on the same busy machine back to back, MessagePack deliveries at 10,000/s offered
            // went from 8,343/s (p50 2.2 s) to 9,922/s (p50 166 ms) and the hub's capacity from 17% to 44% of the echo
            // hub's. EF names every column it reads, so a migration never changes a prepared statement's result.
            if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)
                && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
            {
                builder.ConnectionStringBuilder.MaxAutoPrepare = 100;
            }

            return builder.Build();
        });

        // One short-lived context per operation: a Blazor circuit outlives any request scope.
        // Features contribute interceptors (e.g. the e-mail outbox's commit signal) by registering IInterceptor singletons.
        // Pooled: a signed-in home page opens a dozen contexts, and building each one's services showed as 5% of the
        // app's CPU in a trace of that page. Nothing in the app keeps state on a context beyond what the pool resets.
        services.AddPooledDbContextFactory<AppDbContext>((sp, options) =>
        {
            AppDbContextOptions.Configure(options, sp.GetRequiredService<NpgsqlDataSource>())
                .AddInterceptors(sp.GetServices<IInterceptor>());
            // A row limit without an order answers differently from one plan to the next; the tests and a developer's
            // machine refuse such a query outright rather than leave a warning in a log nobody reads.
            var environment = sp.GetRequiredService<IHostEnvironment>();
            if (environment.IsDevelopment() || environment.IsEnvironment("Testing"))
            {
                options.ConfigureWarnings(w => w.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
            }
        });
        // Identity's stores and the data-protection key ring take a context from the request's scope.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());

        services.AddDataProtection().SetApplicationName("CollabHub").PersistKeysToDbContext<AppDbContext>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddScoped<DatabaseStartup>();
        services.AddScoped<DemoSeed>();
        return services;
    }
}
