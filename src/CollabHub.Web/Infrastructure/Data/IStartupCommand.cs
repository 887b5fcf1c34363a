namespace CollabHub.Web.Infrastructure.Data;

/// <summary>
/// A command-line command (<c>dotnet CollabHub.Web.dll NAME ARGS...</c>) that runs instead of serving, after the
/// database is prepared exactly as for serving. Features register theirs; <see cref="StartupCommands"/> runs them.
/// </summary>
public interface IStartupCommand
{
    /// <summary>The first command-line argument that selects this command.</summary>
    string Name { get; }

    /// <summary>
    /// Checks the arguments after the name before anything starts (no database yet). Returns one sentence saying
    /// what is wrong, or null when they are fine.
    /// </summary>
    string? Validate(IReadOnlyList<string> arguments);

    /// <summary>Does the work and returns the process exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken);
}
