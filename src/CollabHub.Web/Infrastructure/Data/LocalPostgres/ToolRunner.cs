using System.Diagnostics;

namespace CollabHub.Web.Infrastructure.Data.LocalPostgres;

/// <summary>Runs PostgreSQL's programs, as the <c>postgres</c> user when this process is root.</summary>
internal sealed class ToolRunner(string binDirectory)
{
    public const string ServiceUser = "postgres";

    /// <summary>The server refuses to run as root, so a root process hands the work to the postgres user.</summary>
    public static bool RunAsServiceUser => Environment.IsPrivilegedProcess;

    public ToolResult Run(string program, IEnumerable<string> arguments, TimeSpan timeout) =>
        RunCommand(Path.Combine(binDirectory, program), arguments, timeout, RunAsServiceUser);

    public static ToolResult RunCommand(string file, IEnumerable<string> arguments, TimeSpan timeout, bool asServiceUser)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (asServiceUser)
        {
            start.FileName = "runuser";
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add(ServiceUser);
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(file);
        }
        else
        {
            start.FileName = file;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new LocalPostgresException($"Could not start {file}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new LocalPostgresException($"{Path.GetFileName(file)} did not finish within {timeout.TotalSeconds:0} s.");
        }

        process.WaitForExit();
        return new ToolResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Gives a folder or file to the postgres user (only meaningful when running as root).</summary>
    public static void GiveToServiceUser(string path)
    {
        var result = RunCommand("chown", ["-R", $"{ServiceUser}:{ServiceUser}", path], TimeSpan.FromSeconds(30), asServiceUser: false);
        result.ThrowIfFailed("chown");
    }

    /// <summary>Whether the postgres user can reach (traverse) a folder.</summary>
    public static bool ServiceUserCanReach(string path)
    {
        try
        {
            return RunCommand("test", ["-x", path], TimeSpan.FromSeconds(10), asServiceUser: true).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

internal sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError)
{
    public ToolResult ThrowIfFailed(string what)
    {
        if (ExitCode != 0)
        {
            throw new LocalPostgresException($"{what} failed (exit code {ExitCode}): {StandardError.Trim()} {StandardOutput.Trim()}".Trim());
        }

        return this;
    }
}
