using System.Diagnostics;
using System.Globalization;

namespace CollabHub.Web.Infrastructure.Data.LocalPostgres;

/// <summary>Finds the machine's PostgreSQL server programs (initdb, pg_ctl, postgres).</summary>
public static class PostgresBinaries
{
    public const string NotFoundMessage =
        "No PostgreSQL server programs (initdb, pg_ctl) were found on this machine: install the " +
        "'postgresql' package (for example 'sudo apt-get install postgresql'), or set " +
        "ConnectionStrings__CollabHub to an existing PostgreSQL database.";

    /// <summary>The folder holding initdb and pg_ctl, or null when none is installed.</summary>
    /// <param name="configured">
    /// An explicit folder (setting <c>LocalPostgres:BinDirectory</c>): when given, it is the only one tried, so a
    /// wrong setting is reported rather than silently replaced by another installation.
    /// </param>
    public static string? Find(string? configured = null) =>
        string.IsNullOrWhiteSpace(configured)
            ? Candidates().FirstOrDefault(HasServerPrograms)
            : HasServerPrograms(configured) ? configured : null;

    internal static bool HasServerPrograms(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));

    internal static IEnumerable<string> Candidates()
    {
        if (PgConfigBinDir() is { } fromPgConfig)
        {
            yield return fromPgConfig;
        }

        // Debian and Ubuntu keep each major version apart; RHEL-style packages do the same under /usr.
        foreach (var root in new[] { "/usr/lib/postgresql", "/usr/local/lib/postgresql" })
        {
            foreach (var dir in VersionedDirectories(root, "*"))
            {
                yield return Path.Combine(dir, "bin");
            }
        }

        foreach (var dir in VersionedDirectories("/usr", "pgsql-*"))
        {
            yield return Path.Combine(dir, "bin");
        }

        yield return "/usr/local/pgsql/bin";
        yield return "/opt/homebrew/bin";
        yield return "/usr/local/bin";

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return dir;
        }
    }

    /// <summary>Sub-folders whose name carries a major version, newest first.</summary>
    internal static IEnumerable<string> VersionedDirectories(string root, string pattern)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.EnumerateDirectories(root, pattern)
            .OrderByDescending(d => MajorVersion(Path.GetFileName(d)))
            .ToList();
    }

    internal static int MajorVersion(string name)
    {
        var digits = new string(name.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : -1;
    }

    private static string? PgConfigBinDir()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit(5000);
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // pg_config is not installed; the fixed locations still apply
        }
    }
}
