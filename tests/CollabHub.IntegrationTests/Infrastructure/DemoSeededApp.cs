using CollabHub.Web.Features.Members;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CollabHub.IntegrationTests.Infrastructure;

/// <summary>A test app on a database of its own with the demo content seeded once, as a first start seeds it.</summary>
public static class DemoSeededApp
{
    /// <summary>Seeds the app's database; the demo administrator's credentials go to <paramref name="printer"/>, not the console.</summary>
    public static async Task<CollabHubApp> CreateAsync(PostgresServer postgres, string purpose, RecordingCredentialsPrinter? printer = null)
    {
        var recorder = printer ?? new RecordingCredentialsPrinter();
        var app = new CollabHubApp(await postgres.CreateDatabaseAsync(purpose))
        {
            TestServices = s => s.AddSingleton<DemoCredentialsPrinter>(recorder),
        };
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeed>().RunAsync(TestContext.Current.CancellationToken);
        return app;
    }
}

/// <summary>Keeps the demo credentials the app would print, for a test to check (or ignore).</summary>
public sealed class RecordingCredentialsPrinter : DemoCredentialsPrinter
{
    public List<(string Email, string Password)> Printed { get; } = [];

    public override void Print(string email, string password) => Printed.Add((email, password));
}
