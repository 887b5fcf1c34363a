using CollabHub.Web.Infrastructure.Data.LocalPostgres;

namespace CollabHub.Web.Infrastructure.Data;

public static class StartupCommands
{
    /// <summary>Exit code for a command given arguments it can't use.</summary>
    public const int UsageError = 2;

    /// <summary>
    /// Prepares the database before the app serves. With the argument <c>migrate</c> it only applies migrations
    /// and returns the exit code; with the name of an <see cref="IStartupCommand"/> it prepares the database, runs
    /// that command and returns its exit code. Returns null when the app should go on to serve.
    /// </summary>
    public static async Task<int?> RunStartupCommandAsync(this WebApplication app, string[] args)
    {
        var migrateOnly = args.Length > 0 && args[0] == "migrate";
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CollabHub.Startup");
        var stopping = app.Lifetime.ApplicationStopping;
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var command = args.Length > 0
                ? scope.ServiceProvider.GetServices<IStartupCommand>().FirstOrDefault(c => c.Name == args[0])
                : null;
            var arguments = args.Skip(1).ToList();
            if (command?.Validate(arguments) is { } problem)
            {
                await Console.Error.WriteLineAsync(problem);
                return UsageError;
            }

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

            if (!await database.PrepareAsync(stopping))
            {
                return 1;
            }

            return command is null ? null : await command.RunAsync(arguments, stopping);
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
