using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CollabHub.Benchmarks.Events;

/// <summary>
/// How many durable commits the disk under the database allows: <c>pg_test_fsync</c>'s one-8 kB-write figure for
/// <c>fdatasync</c> (PostgreSQL's default <c>wal_sync_method</c> on Linux), on the cluster's own file system. A
/// transaction that holds a lock until it commits cannot be decided faster than this one after another.
/// </summary>
public static partial class CommitRate
{
    public static async Task<double?> MeasureAsync(AppUnderTest app, CancellationToken cancellationToken)
    {
        var tool = Path.Combine(app.PostgresBinDirectory, "pg_test_fsync");
        if (!File.Exists(tool))
        {
            return null;
        }

        var start = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        var file = Path.Combine(app.WorkDirectory, "pg_test_fsync.out");
        foreach (var arg in new[] { "-s", "1", "-f", file })
        {
            start.ArgumentList.Add(arg);
        }

        // Only the first section's fdatasync line is needed: the tool is stopped once it is printed (about 2 s), not after
        // its fifteen tests (16 s at a second each).
        using var process = Process.Start(start)!;
        try
        {
            var inOneWrite = false;
            while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
            {
                inOneWrite |= line.Contains("one 8kB write", StringComparison.Ordinal);
                if (inOneWrite && Fdatasync().Match(line) is { Success: true } figure)
                {
                    return double.Parse(figure.Groups[1].Value, CultureInfo.InvariantCulture);
                }
            }

            return null;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            await process.WaitForExitAsync(CancellationToken.None);
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"^\s*fdatasync\s+([0-9.]+) ops/sec")]
    private static partial Regex Fdatasync();
}
