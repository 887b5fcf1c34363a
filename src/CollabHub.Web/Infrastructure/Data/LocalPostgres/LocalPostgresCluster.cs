using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace CollabHub.Web.Infrastructure.Data.LocalPostgres;

/// <summary>
/// A private PostgreSQL cluster in a folder of its own: created with initdb on first use, started on a
/// free loopback port, reused when a previous run left it running, and stopped by whoever started it.
/// </summary>
/// <remarks>
/// Layout under <see cref="StateDirectory"/>: <c>postgres/</c> (the data folder, owned by the server's
/// user), <c>postgres.credentials</c> (the generated superuser password, readable by this user only) and
/// <c>postgres.owner</c> (the process id that started the server and will stop it).
/// </remarks>
public sealed class LocalPostgresCluster : IDisposable
{
    public const string SuperUser = "collabhub";

    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(90);
    private readonly ToolRunner tools;
    private readonly IReadOnlyList<string> serverSettings;
    private readonly Lock gate = new();
    private bool ownsServer;

    /// <param name="binDirectory">The folder holding initdb and pg_ctl.</param>
    /// <param name="stateDirectory">The folder for the cluster and its credentials.</param>
    /// <param name="serverSettings">Extra <c>name=value</c> server settings (tests turn off fsync).</param>
    public LocalPostgresCluster(string binDirectory, string stateDirectory, IEnumerable<string>? serverSettings = null)
    {
        tools = new ToolRunner(binDirectory);
        StateDirectory = Path.GetFullPath(stateDirectory);
        this.serverSettings = serverSettings?.ToList() ?? [];
    }

    public string StateDirectory { get; }

    public string DataDirectory => Path.Combine(StateDirectory, "postgres");

    private string CredentialsFile => Path.Combine(StateDirectory, "postgres.credentials");

    private string OwnerFile => Path.Combine(StateDirectory, "postgres.owner");

    private string LogFile => Path.Combine(DataDirectory, "server.log");

    /// <summary>The loopback port the server listens on, once started.</summary>
    public int Port { get; private set; }

    /// <summary>Whether <see cref="Start"/> created the cluster with initdb.</summary>
    public bool WasCreated { get; private set; }

    /// <summary>Whether <see cref="Start"/> found the server already running and reused it.</summary>
    public bool WasReused { get; private set; }

    public bool IsRunning => File.Exists(Path.Combine(DataDirectory, "postmaster.pid"))
        && tools.Run("pg_ctl", ["status", "-D", DataDirectory], ToolTimeout).ExitCode == 0;

    /// <summary>Creates the cluster if needed and makes sure its server runs.</summary>
    public void Start()
    {
        lock (gate)
        {
            Directory.CreateDirectory(StateDirectory);
            if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
            {
                Initialize();
                WasCreated = true;
            }

            if (IsRunning && ReadRunningPort() is { } port)
            {
                Port = port;
                WasReused = true;
                // The process that started it may still be alive (a second app instance): leave stopping to it.
                ownsServer = !OwnerIsAnotherLiveProcess();
            }
            else
            {
                // A restart keeps its port, so clients holding the connection string reconnect by themselves.
                Port = Port == 0 ? FreeLoopbackPort() : Port;
                var options = new StringBuilder()
                    .Append(CultureInfo.InvariantCulture, $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''");
                foreach (var setting in serverSettings)
                {
                    options.Append(" -c ").Append(setting);
                }

                tools.Run("pg_ctl", ["start", "-D", DataDirectory, "-w", "-t", "60", "-l", LogFile, "-o", options.ToString()], ToolTimeout)
                    .ThrowIfFailed($"Starting PostgreSQL in {DataDirectory} (log: {LogFile})");
                ownsServer = true;
            }

            if (ownsServer)
            {
                File.WriteAllText(OwnerFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>Stops the server if this process owns it (started or adopted it); otherwise leaves it running.</summary>
    public void Stop()
    {
        lock (gate)
        {
            if (!ownsServer)
            {
                return;
            }

            ownsServer = false;
            if (IsRunning)
            {
                tools.Run("pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60"], ToolTimeout)
                    .ThrowIfFailed("Stopping PostgreSQL");
            }

            File.Delete(OwnerFile);
        }
    }

    /// <summary>Stops the server immediately, whoever owns it: for cleaning up after a crashed run.</summary>
    public void Kill()
    {
        lock (gate)
        {
            ownsServer = false;
            if (IsRunning)
            {
                tools.Run("pg_ctl", ["stop", "-D", DataDirectory, "-m", "immediate", "-w", "-t", "60"], ToolTimeout);
            }
        }
    }

    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Password = ReadPassword(),
        Database = database,
    }.ConnectionString;

    public void Dispose() => Stop();

    private void Initialize()
    {
        if (Directory.Exists(DataDirectory))
        {
            // A half-made cluster from an interrupted initdb: start over.
            Directory.Delete(DataDirectory, recursive: true);
        }

        Directory.CreateDirectory(DataDirectory);
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var passwordFile = Path.Combine(Path.GetTempPath(), $"collabhub-pw-{Guid.NewGuid():N}");
        File.WriteAllText(passwordFile, password, Encoding.ASCII);
        RestrictToOwner(passwordFile);
        try
        {
            if (ToolRunner.RunAsServiceUser)
            {
                ToolRunner.GiveToServiceUser(DataDirectory);
                ToolRunner.GiveToServiceUser(passwordFile);
            }

            tools.Run(
                    "initdb",
                    ["-D", DataDirectory, "-U", SuperUser, "--pwfile", passwordFile, "-A", "scram-sha-256", "-E", "UTF8", "--no-locale", "--no-instructions"],
                    ToolTimeout)
                .ThrowIfFailed($"initdb in {DataDirectory}");
        }
        finally
        {
            File.Delete(passwordFile);
        }

        File.WriteAllText(CredentialsFile, password, Encoding.ASCII);
        RestrictToOwner(CredentialsFile);
    }

    private string ReadPassword() => File.Exists(CredentialsFile)
        ? File.ReadAllText(CredentialsFile, Encoding.ASCII).Trim()
        : throw new LocalPostgresException($"The cluster in {DataDirectory} has no credentials file; delete {StateDirectory} to start afresh.");

    /// <summary>postmaster.pid holds the port on its fourth line.</summary>
    private int? ReadRunningPort()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        try
        {
            var lines = File.ReadAllLines(pidFile);
            return lines.Length > 3 && int.TryParse(lines[3], NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private bool OwnerIsAnotherLiveProcess()
    {
        if (!File.Exists(OwnerFile)
            || !int.TryParse(File.ReadAllText(OwnerFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || pid == Environment.ProcessId)
        {
            return false;
        }

        return ProcessIsAlive(pid);
    }

    internal static bool ProcessIsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void RestrictToOwner(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    internal static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
