namespace CollabHub.Web.Infrastructure.Data;

/// <summary>Settings under <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending migrations at start-up. Default: on in Development and for the private cluster.</summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>Seed the demo groups and administrator once. Default: on in Development.</summary>
    public bool? SeedDemoContent { get; set; }

    /// <summary>How long start-up waits for an unreachable database before giving up with exit code 1.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
