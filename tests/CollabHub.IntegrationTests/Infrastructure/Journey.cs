using Microsoft.Playwright;

namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>Runs a browser journey; when it fails, keeps a screenshot and the page's HTML as test output.</summary>
public static class Journey
{
    public static async Task RunAsync(IPage page, Func<Task> steps, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        try
        {
            await steps();
        }
        catch
        {
            await SaveEvidenceAsync(page, name);
            throw;
        }
    }

    private static async Task SaveEvidenceAsync(IPage page, string name)
    {
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "journey-failures")).FullName;
            var stem = Path.Combine(folder, $"{name}-{DateTime.UtcNow:HHmmss}");
            var screenshot = await page.ScreenshotAsync(new PageScreenshotOptions { Path = stem + ".png", FullPage = true });
            var html = await page.ContentAsync();
            await File.WriteAllTextAsync(stem + ".html", html);
            TestContext.Current.AddAttachment($"{name}.png", screenshot, "image/png");
            TestContext.Current.AddAttachment($"{name}.html", html);
            TestContext.Current.SendDiagnosticMessage($"Journey evidence saved: {stem}.png and .html (at {page.Url})");
        }
        catch (PlaywrightException)
        {
            // The page itself may be what broke; the original failure is what matters.
        }
    }
}
