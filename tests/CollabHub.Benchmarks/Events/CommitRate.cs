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
        foreach (var arg in new[] { "-s", "1", "-f", Path.Combine(app.WorkDirectory, "pg_test_fsync.out") })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var oneWrite = output.IndexOf("one 8kB write", StringComparison.Ordinal);
        var figure = oneWrite < 0 ? Match.Empty : Fdatasync().Match(output, oneWrite);
        return figure.Success ? double.Parse(figure.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^\s*fdatasync\s+([0-9.]+) ops/sec", RegexOptions.Multiline)]
    private static partial Regex Fdatasync();
}
