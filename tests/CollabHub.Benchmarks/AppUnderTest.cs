using System.Diagnostics;
using System.Globalization;
using System.Net;
using CollabHub.Web.Infrastructure.Data.LocalPostgres;
using Npgsql;

namespace CollabHub.Benchmarks;

/// <summary>
/// The app as production runs it: its own process (Release build), on a private PostgreSQL cluster, over loopback.
/// With <c>--pin</c> the app runs on core 0 and the load generator and database share the rest.
/// </summary>
public sealed class AppUnderTest : IAsyncDisposable
{
    private readonly LocalPostgresCluster cluster;
    private readonly Process process;
    private readonly string root;

    private AppUnderTest(string root, LocalPostgresCluster cluster, Process process, Uri baseUrl, string connectionString, string mailDirectory)
    {
        this.root = root;
        this.cluster = cluster;
        this.process = process;
        BaseUrl = baseUrl;
        ConnectionString = connectionString;
        MailDirectory = mailDirectory;
    }

    public Uri BaseUrl { get; }

    public string ConnectionString { get; }

    public string MailDirectory { get; }

    public int ProcessId => process.Id;

    /// <summary>The run's PostgreSQL server (its postmaster, the parent of every backend), from the first line of <c>postmaster.pid</c>.</summary>
    public int PostgresProcessId => int.Parse(File.ReadLines(Path.Combine(cluster.DataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    /// <summary>The run's own folder, on the same file system as its database cluster.</summary>
    public string WorkDirectory => root;

    /// <summary>The PostgreSQL binaries the cluster runs from (for its tools, such as <c>pg_test_fsync</c>).</summary>
    public string PostgresBinDirectory { get; private init; } = "";

    public static async Task<AppUnderTest> StartAsync(BenchmarkOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "collabhub-bench", $"{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}"[..24])).FullName;
        var appDll = options.AppDll ?? await PublishAsync(root, log, cancellationToken);

        var binaries = PostgresBinaries.Find(Environment.GetEnvironmentVariable("LocalPostgres__BinDirectory"))
            ?? throw new InvalidOperationException(PostgresBinaries.NotFoundMessage);
        // BENCH_PG_SETTINGS="name=value;…" adds server settings for a run that needs explaining (say
        // log_min_duration_statement=200); BENCH_PG_LOG=file keeps the server's log when the run ends.
        string[] extra = Environment.GetEnvironmentVariable("BENCH_PG_SETTINGS")?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        // shared_buffers as a database server is set up, not PostgreSQL's default of 128 MB (its documentation advises a
        // quarter of a dedicated server's memory): the search's 100,000 resources take 737 MB with their vectors, and at
        // 128 MB every search read them from the OS's cache (search p95 21.6 ms, 16.1 ms with 1 GB; browsing 11.2, 10.4).
        var cluster = new LocalPostgresCluster(binaries, Path.Combine(root, "postgres"), ["max_connections=200", "shared_buffers=1GB", .. extra]);
        cluster.Start();
        await using (var admin = new NpgsqlConnection(cluster.ConnectionString()))
        {
            await admin.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand("CREATE DATABASE collabhub", admin);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var connectionString = cluster.ConnectionString("collabhub");
        var port = LocalPostgresCluster.FreeLoopbackPort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var mail = Directory.CreateDirectory(Path.Combine(root, "mail")).FullName;
        var start = new ProcessStartInfo(options.Pin ? "taskset" : "dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (options.Pin)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("0");
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(appDll);
        start.WorkingDirectory = Path.GetDirectoryName(appDll)!;
        var environment = new Dictionary<string, string>
        {
            // A build output (the tests' tiny runs) finds its static files, such as blazor.web.js, only through the
            // development manifest; a published app, which every real run uses, runs as production does.
            ["ASPNETCORE_ENVIRONMENT"] = File.Exists(Path.ChangeExtension(appDll, ".staticwebassets.runtime.json")) ? "Development" : "Production",
            ["ASPNETCORE_URLS"] = baseUrl.AbsoluteUri.TrimEnd('/'),
            ["ConnectionStrings__CollabHub"] = connectionString,
            ["Database__MigrateOnStartup"] = "true",
            // The demo community: pages are measured with the content a newcomer sees (library, events, groups).
            ["Database__SeedDemoContent"] = "true",
            ["Email__PickupDirectory"] = mail,
            ["App__PublicBaseUrl"] = baseUrl.AbsoluteUri,
            ["Members__Security__PerIpPermits"] = "10000",
            ["Logging__LogLevel__Default"] = "Warning",
            ["DOTNET_gcServer"] = "1",
            ["Benchmarks__Probes"] = "true",
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        // BENCH_APP_LOG=file keeps the app's own log (JSON lines) for a run that needs explaining.
        var appLog = Environment.GetEnvironmentVariable("BENCH_APP_LOG");
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line && appLog is not null)
            {
                lock (process)
                {
                    File.AppendAllText(appLog, line + Environment.NewLine);
                }
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) { log.WriteLine($"  app: {line}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppUnderTest(root, cluster, process, baseUrl, connectionString, mail) { PostgresBinDirectory = binaries };
        try
        {
            await app.WaitUntilReadyAsync(cancellationToken);
        }
        catch
        {
            // An app that never became ready (or a cancelled start) must not outlive the run with its database.
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} before it was ready.");
            }

            try
            {
                if ((await client.GetAsync("health/ready", cancellationToken)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException("The app was not ready within 90 seconds.");
    }

    private static async Task<string> PublishAsync(string root, TextWriter log, CancellationToken cancellationToken)
    {
        var repository = FindRepositoryRoot();
        var output = Path.Combine(root, "app");
        await log.WriteLineAsync($"Publishing the app in Release to {output} ...");
        var publish = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "publish", Path.Combine(repository, "src", "CollabHub.Web"), "-c", "Release", "-o", output, "--nologo" })
        {
            publish.ArgumentList.Add(arg);
        }

        using var process = Process.Start(publish)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed:\n{await stdout}\n{await stderr}");
        }

        return Path.Combine(output, "CollabHub.Web.dll");
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CollabHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the tool from inside the CollabHub checkout, or pass --app.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        cluster.Stop();
        if (Environment.GetEnvironmentVariable("BENCH_PG_LOG") is { Length: > 0 } keep)
        {
            File.Copy(Path.Combine(cluster.DataDirectory, "server.log"), keep, overwrite: true);
        }

        cluster.Dispose();

        // The run's cluster, mail and published app: hundreds of megabytes that nothing reads again.
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the temp folder is the OS's to clean.
        }
        catch (UnauthorizedAccessException)
        {
            // Files written by the database server as another user.
        }
    }
}
