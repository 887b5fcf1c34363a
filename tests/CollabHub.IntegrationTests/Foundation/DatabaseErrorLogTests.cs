using CollabHub.IntegrationTests.Infrastructure;
using CollabHub.Web.Features.Chat;
using CollabHub.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CollabHub.IntegrationTests.Foundation;

/// <summary>
/// What an operator reads when a statement fails: the failure reaches the code that made it, which refuses, retries or
/// logs it with what it was doing; EF itself does not log it as an error (an expected race on a unique key is not one).
/// </summary>
public sealed class DatabaseErrorLogTests(PostgresServer postgres) : IAsyncLifetime
{
    private readonly CapturedLogs logs = new();
    private CollabHubApp app = null!;

    public async ValueTask InitializeAsync()
    {
        app = new CollabHubApp(await postgres.CreateDatabaseAsync(nameof(DatabaseErrorLogTests))) { TestServices = logs.AddTo };
        _ = app.Server;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task UniqueClash_OnSave_ReachesItsCaller_WithoutAnErrorInTheLog()
    {
        var member = await TestAccounts.CreateAsync(app, "Twice Seen");
        await using (var first = await ContextAsync())
        {
            first.MemberLastSeen.Add(new MemberLastSeen { UserId = member.Id, LastSeenAt = DateTimeOffset.UtcNow });
            await first.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var second = await ContextAsync();
        second.MemberLastSeen.Add(new MemberLastSeen { UserId = member.Id, LastSeenAt = DateTimeOffset.UtcNow });
        var clash = await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync(TestContext.Current.CancellationToken));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(clash.InnerException).SqlState);
        Assert.Empty(logs.Errors);
    }

    [Fact]
    public async Task FailedStatement_ReachesItsCaller_WithoutAnErrorInTheLog()
    {
        await using var db = await ContextAsync();

        var failed = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("SELECT 1 / 0", TestContext.Current.CancellationToken));

        Assert.Equal(PostgresErrorCodes.DivisionByZero, failed.SqlState);
        Assert.Empty(logs.Errors);
    }

    private Task<AppDbContext> ContextAsync() =>
        app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
}
