using CollabHub.Web.Infrastructure.Data.LocalPostgres;

namespace CollabHub.Web.Infrastructure.Data;

public static class StartupCommands
{
    /// <summary>
    /// Prepares the database before the app serves. With the argument <c>migrate</c> it only applies migrations
    /// and returns the exit code. Returns null when the app should go on to serve.
    /// </summary>
    public static async Task<int?> RunStartupCommandAsync(this WebApplication app, string[] args)
    {
        var migrateOnly = args.Length > 0 && args[0] == "migrate";
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CollabHub.Startup");
        var stopping = app.Lifetime.ApplicationStopping;
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<DatabaseStartup>();
            if (migrateOnly)
            {
                if (!await database.WaitUntilReachableAsync(stopping))
                {
                    return 1;
                }

                await database.MigrateAsync(stopping);
                logger.LogInformation("Migrations applied");
                return 0;
            }

            return await database.PrepareAsync(stopping) ? null : 1;
        }
        catch (LocalPostgresException ex)
        {
            // One clear sentence, no stack trace: this is what a newcomer sees first.
            logger.LogCritical("{Reason}", ex.Message);
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}
