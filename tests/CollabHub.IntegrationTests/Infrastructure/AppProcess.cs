using System.Diagnostics;

namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>Runs the built app as its own process, the way an operator runs it (<c>dotnet CollabHub.Web.dll ...</c>).</summary>
public static class AppProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>The app in the Production environment with no connection string unless <paramref name="environment"/> sets one.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CollabHub.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__CollabHub"] = "";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    public static async Task<Result> RunAsync(IEnumerable<string> arguments, IDictionary<string, string?> environment, TimeSpan timeout)
    {
        var start = StartInfo(arguments, environment);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The app did not exit within {timeout}. Output: {await output} {await error}");
        }

        return new Result(process.ExitCode, await output, await error);
    }
}
