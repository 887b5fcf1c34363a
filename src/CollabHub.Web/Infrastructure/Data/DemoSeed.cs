using Microsoft.EntityFrameworkCore;

namespace CollabHub.Web.Infrastructure.Data;

/// <summary>Runs each feature's demo-content step once, recording it in <c>seed_history</c>.</summary>
public sealed class DemoSeed(IEnumerable<IDemoSeedStep> steps, IDbContextFactory<AppDbContext> contexts, ILogger<DemoSeed> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var step in steps)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // Two instances starting together must not seed twice: the first takes the lock, the second then sees the row.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext('collabhub-demo-seed'))", cancellationToken);
            if (await db.SeedHistory.AnyAsync(s => s.Key == step.Key, cancellationToken))
            {
                continue;
            }

            await step.RunAsync(db, cancellationToken);
            db.SeedHistory.Add(new SeedHistory { Key = step.Key, AppliedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Demo content added: {Step}", step.Key);
        }
    }
}
