namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>
/// Finds the machine's Chromium (Debian's <c>chromium</c> package; Playwright's own download does not work here).
/// Locally, browser tests skip with a clear message when there is none; under CI they must run, so they fail.
/// </summary>
public static class Chromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public static string? ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured
            ? configured
            : Array.Find(Candidates, File.Exists);

    public static bool UnderCi => Environment.GetEnvironmentVariable("CI") is { } ci
        && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    /// <summary>The path to launch, or skips (locally) / fails (under CI) the calling test.</summary>
    public static string Require()
    {
        if (ExecutablePath is { } path && File.Exists(path))
        {
            return path;
        }

        const string message = "Browser tests need Chromium: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.";
        if (UnderCi)
        {
            throw new InvalidOperationException(message);
        }

        Assert.Skip(message);
        return "";
    }
}
